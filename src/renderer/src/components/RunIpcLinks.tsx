// A lab run's IPC graph, next to its process tree: which of its processes talk through a pipe, a
// FIFO or a socket, drawn and listed; the ends they only share (inherited) are listed apart.
import type { IpcLink } from '../../../shared/model/IpcLinks';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { useIpcLinks } from '../hooks/useIpcLinks';
import { useI18n } from '../i18n/I18n';
import { ARROWS, carriesData, viewFrom } from '../views/ipcLinkViews';
import type { ProcessKey } from '../views/processKey';
import { IpcArcDiagram } from './IpcArcDiagram';

interface RunIpcLinksProps {
  client: ReconnectingClient;
  runId: string;
  /** Only a run with live processes is scanned. */
  live: boolean;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
}

/** "2287 sleep → 2288 sleep", then "writer, fd 1 → reader, fd 0"; three or more holders by "·". */
function LinkEntry({ link }: { link: IpcLink }) {
  const { t } = useI18n();
  const pids = [...new Set(link.ends.map((end) => end.pid))];
  const joiner = pids.length === 2 ? ` ${ARROWS[viewFrom(link, pids[0]!).direction]} ` : ' · ';
  const endsOf = (pid: number) => link.ends.filter((end) => end.pid === pid);
  const roles = (pid: number) =>
    endsOf(pid)
      .map((end) => t('ipc.end', { role: t(`ipc.role.${end.role}`), fd: end.fd }))
      .join('; ');
  return (
    <li className="ipc-line" data-kind={link.kind}>
      <span className={`ipc-kind ipc-${link.kind}`}>{t(`ipc.kind.${link.kind}`)}</span>
      <span className="mono">{pids.map((pid) => `${pid} ${endsOf(pid)[0]!.comm}`).join(joiner)}</span>
      <div className="ipc-detail muted">{pids.map(roles).join(joiner)}</div>
      {link.name && <div className="ipc-detail muted mono">{link.name}</div>}
    </li>
  );
}

export function RunIpcLinks({ client, runId, live, selectedKey, onSelect }: RunIpcLinksProps) {
  const { t } = useI18n();
  const { links } = useIpcLinks(client, live ? () => ({ runId }) : null, runId);
  if (!live) return null;
  const talking = links?.links.filter(carriesData) ?? [];
  const shared = links?.links.filter((link) => !carriesData(link)) ?? [];
  const key = (link: IpcLink) => `${link.kind}:${link.inode}`;
  return (
    <section className="run-ipc" data-testid="run-ipc" aria-label={t('ipc.runTitle')}>
      <h3>{t('ipc.runTitle')}</h3>
      {!links && <p className="muted">{t('ipc.loading')}</p>}
      {links && talking.length === 0 && <p className="muted">{t('ipc.runNone')}</p>}
      {talking.length > 0 && (
        <>
          <IpcArcDiagram links={talking} selectedKey={selectedKey} onSelect={onSelect} />
          <ul className="ipc-list" data-testid="run-ipc-talking">
            {talking.map((link) => (
              <LinkEntry key={key(link)} link={link} />
            ))}
          </ul>
        </>
      )}
      {shared.length > 0 && (
        <details className="ipc-shared">
          <summary className="muted">{t('ipc.sharedEnds', { n: shared.length })}</summary>
          <ul className="ipc-list">
            {shared.map((link) => (
              <LinkEntry key={key(link)} link={link} />
            ))}
          </ul>
        </details>
      )}
      {links && !links.unixPaired && <p className="muted ipc-note">{t('ipc.unixUnpaired')}</p>}
    </section>
  );
}

// The PCB's IPC links: the pipes, FIFOs and sockets that join the selected process to others,
// looked for among its family and session while the panel shows it.
import { useState } from 'react';
import { MAX_IPC_PIDS } from '../../../shared/contract/limits';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { IPC_REFRESH_MS, useIpcLinks } from '../hooks/useIpcLinks';
import { useI18n } from '../i18n/I18n';
import { neighbourhoodOf, viewFrom } from '../views/ipcLinkViews';
import { processKey, type ProcessKey } from '../views/processKey';
import { IpcLinkLine } from './IpcLinkLine';

/** The family and session of a process rarely pass this; a login session's can. */
const NEIGHBOURHOOD_MAX = Math.min(300, MAX_IPC_PIDS);

interface IpcLinksSectionProps {
  client: ReconnectingClient;
  record: ProcessRecord;
  byPid: ReadonlyMap<number, ProcessRecord>;
  onSelect: (key: ProcessKey) => void;
}

export function IpcLinksSection({ client, record, byPid, onSelect }: IpcLinksSectionProps) {
  const { t } = useI18n();
  // Folded away, it is not shown: nothing is read.
  const [open, setOpen] = useState(true);
  const { links } = useIpcLinks(
    client,
    open ? () => ({ pids: neighbourhoodOf(record.pid, byPid, NEIGHBOURHOOD_MAX) }) : null,
    processKey(record),
  );
  const views = links?.links
    .filter((l) => l.ends.some((e) => e.pid === record.pid))
    .map((l) => viewFrom(l, record.pid));
  return (
    <details
      className="detail-section"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
      data-testid="ipc-links"
    >
      <summary>
        {t('ipc.title')}
        {views ? ` (${views.length})` : ''}
      </summary>
      {!links || !views ? (
        <p className="muted">{t('ipc.loading')}</p>
      ) : (
        <>
          {views.length === 0 && <p className="muted">{t('ipc.none', { n: links.scanned })}</p>}
          <ul className="ipc-list">
            {views
              .filter((view) => view.direction !== 'shared')
              .map((view) => (
                <IpcLinkLine key={`${view.link.kind}:${view.link.inode}`} view={view} onSelect={onSelect} />
              ))}
          </ul>
          {views.some((view) => view.direction === 'shared') && (
            <>
              <h4 className="ipc-subheading muted">{t('ipc.sharedHeading')}</h4>
              <ul className="ipc-list ipc-shared">
                {views
                  .filter((view) => view.direction === 'shared')
                  .map((view) => (
                    <IpcLinkLine key={`${view.link.kind}:${view.link.inode}`} view={view} onSelect={onSelect} />
                  ))}
              </ul>
            </>
          )}
          <p className="muted ipc-note">{t('ipc.scope', { n: links.scanned, s: IPC_REFRESH_MS / 1000 })}</p>
          {!links.unixPaired && <p className="muted ipc-note">{t('ipc.unixUnpaired')}</p>}
          {links.truncated && <p className="muted ipc-note">{t('ipc.truncated')}</p>}
        </>
      )}
    </details>
  );
}

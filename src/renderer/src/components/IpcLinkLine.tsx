// One IPC link as a process sees it: its kind, which way data flows, the peers (click to select
// one) and this process's own fds on it.
import type { IpcRole } from '../../../shared/model/IpcLinks';
import { useI18n } from '../i18n/I18n';
import { ARROWS, type LinkView } from '../views/ipcLinkViews';
import { processKey, type ProcessKey } from '../views/processKey';

export function IpcLinkLine({ view, onSelect }: { view: LinkView; onSelect: (key: ProcessKey) => void }) {
  const { t } = useI18n();
  const { link, direction } = view;
  const roles = (list: IpcRole[]) => list.map((role) => t(`ipc.role.${role}`)).join(', ');
  return (
    <li className="ipc-line" data-kind={link.kind} data-direction={direction}>
      <span className={`ipc-kind ipc-${link.kind}`}>{t(`ipc.kind.${link.kind}`)}</span>
      <span className="ipc-arrow" title={t(`ipc.direction.${direction}`)} aria-label={t(`ipc.direction.${direction}`)}>
        {ARROWS[direction]}
      </span>
      {view.peers.map((peer) => (
        <span key={peer.pid} className="ipc-peer-name">
          <button type="button" className="link" onClick={() => onSelect(processKey(peer))} data-peer={peer.pid}>
            {peer.comm} ({peer.pid})
          </button>
          <span className="muted">{roles(peer.roles)}</span>
        </span>
      ))}
      <div className="ipc-detail muted">
        {t('ipc.this', {
          roles: view.mine.map((end) => t('ipc.end', { role: roles([end.role]), fd: end.fd })).join('; '),
        })}
        {link.name && <span className="mono"> · {link.name}</span>}
      </div>
    </li>
  );
}

// A row's IPC links in the monitor: "→ pipe 1234" per link (two at most, then "+n"), all of
// them in the tooltip.
import { useI18n } from '../i18n/I18n';
import { ARROWS, type LinkView } from '../views/ipcLinkViews';

const SHOWN = 2;

export function IpcBadges({ links }: { links: readonly LinkView[] }) {
  const { t } = useI18n();
  // Links that carry data between processes first; shared ends (inherited) last.
  const sorted = [...links].sort((a, b) => Number(a.direction === 'shared') - Number(b.direction === 'shared'));
  const describe = (view: LinkView) =>
    `${t(`ipc.kind.${view.link.kind}`)} ${ARROWS[view.direction]} ${view.peers.map((p) => `${p.comm} (${p.pid})`).join(', ')}`;
  return (
    <span className="ipc-badges" title={sorted.map(describe).join('\n')} data-testid="ipc-badges">
      {sorted.slice(0, SHOWN).map((view) => (
        <span key={`${view.link.kind}:${view.link.inode}`} className={`badge ipc-badge ipc-${view.link.kind}`}>
          {ARROWS[view.direction]} {t(`ipc.kind.${view.link.kind}`)} {view.peers[0]?.pid}
          {view.peers.length > 1 ? ` +${view.peers.length - 1}` : ''}
        </span>
      ))}
      {sorted.length > SHOWN && <span className="badge badge-ghost">+{sorted.length - SHOWN}</span>}
    </span>
  );
}

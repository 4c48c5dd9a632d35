// Draws the IPC graph of a few processes: a row per process, a coloured bus per link, arrows for
// the way data flows through pipes and FIFOs (into the bus from a writer, out of it to a reader).
import type { IpcLink } from '../../../shared/model/IpcLinks';
import { useI18n } from '../i18n/I18n';
import { layoutArcs } from '../views/ipcArcLayout';
import { processKey, type ProcessKey } from '../views/processKey';

const DOT_RADIUS = 5;

interface IpcArcDiagramProps {
  links: readonly IpcLink[];
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
}

export function IpcArcDiagram({ links, selectedKey, onSelect }: IpcArcDiagramProps) {
  const { t } = useI18n();
  const { nodes, buses, nodeX, height } = layoutArcs(links);
  return (
    <svg className="ipc-diagram" width="100%" height={height} role="img" aria-label={t('ipc.runTitle')}>
      <defs>
        {(['pipe', 'fifo'] as const).map((kind) => (
          <marker
            key={kind}
            id={`ipc-arrow-${kind}`}
            className={`ipc-marker ipc-${kind}`}
            viewBox="0 0 8 8"
            refX="4"
            refY="4"
            markerWidth="8"
            markerHeight="8"
            markerUnits="userSpaceOnUse"
            orient="auto"
          >
            <path d="M0,0 L8,4 L0,8 z" />
          </marker>
        ))}
      </defs>
      {buses.map((bus) => (
        <g key={bus.key} className={`ipc-bus ipc-${bus.kind}`} data-link={bus.key}>
          <title>{`${t(`ipc.kind.${bus.kind}`)}${bus.name ? ` ${bus.name}` : ''}`}</title>
          <line x1={bus.x} y1={bus.yTop} x2={bus.x} y2={bus.yBottom} />
          {bus.spokes.map((spoke) => {
            // A writer's spoke points into the bus, a reader's out of it, an arrow halfway.
            const node = nodeX - DOT_RADIUS - 1;
            const [from, to] = spoke.toward === 'bus' ? [node, bus.x] : [bus.x, node];
            return (
              <polyline
                key={spoke.pid}
                points={`${from},${spoke.y} ${(from + to) / 2},${spoke.y} ${to},${spoke.y}`}
                markerMid={spoke.toward === 'none' ? undefined : `url(#ipc-arrow-${bus.kind})`}
              />
            );
          })}
        </g>
      ))}
      {nodes.map((node) => {
        const key = processKey(node);
        return (
          <g
            key={key}
            className={`ipc-node${key === selectedKey ? ' selected' : ''}`}
            onClick={() => onSelect(key)}
            data-pid={node.pid}
          >
            <circle cx={nodeX} cy={node.y} r={DOT_RADIUS} />
            <text x={nodeX + DOT_RADIUS + 5} y={node.y + 4}>
              <tspan className="mono">{node.pid}</tspan> {node.comm}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

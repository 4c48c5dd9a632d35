// The virtualised process grid, for both the table and the tree: rows keyed by (pid, start time).
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useMemo, useRef, useState } from 'react';
import { useFollowSelection } from '../hooks/useFollowSelection';
import { useI18n } from '../i18n/I18n';
import { COLUMNS, type ColumnDef, type ColumnId } from '../views/columns';
import type { DisplayRow, TreeRow } from '../views/DisplayRow';
import type { LinkView } from '../views/ipcLinkViews';
import type { ProcessKey } from '../views/processKey';
import type { SortSpec } from '../views/sortRows';
import { IpcBadges } from './IpcBadges';
import { StatText } from './StatText';

const ROW_HEIGHT = 24;
const HEADER_HEIGHT = 28;
const GEOMETRY = { rowHeight: ROW_HEIGHT, headerHeight: HEADER_HEIGHT };

export interface ProcessGridProps {
  rows: (DisplayRow | TreeRow)[];
  /** Said under the header when the search and filters leave no row. */
  nothingShown?: string | null;
  columns: ColumnId[];
  mode: 'table' | 'tree';
  sort: SortSpec;
  onSort: (column: ColumnId) => void;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
  onOpen: (key: ProcessKey) => void;
  onToggle: (key: ProcessKey) => void;
  /** Right click on a row: the signal dialog for it. */
  onContextMenu: (key: ProcessKey) => void;
  /** Keep the selection in view as it moves, until the user scrolls it away (see useFollowSelection). */
  follow: boolean;
  /** Processes of the demo lab's runs: marked so a student finds them at once. */
  labPids: ReadonlySet<number>;
  /** IPC links by pid while they are shown (null: off): a badge per row, peers lit on hover. */
  links?: ReadonlyMap<number, LinkView[]> | null;
}

/**
 * Every row is its own CSS grid, so all rows get the same width (the header's); the command
 * column takes what is left, never less than its minimum.
 */
/** Enough for a command to be read; with the default columns the table and the tree fit 1280 px. */
const COMMAND_MIN_WIDTH = 240;

function layoutOf(columns: ColumnId[]): { template: string; minWidth: number } {
  const commandMin = COMMAND_MIN_WIDTH;
  const template = columns
    .map((id) => (COLUMNS[id].width === 0 ? `minmax(${commandMin}px, 1fr)` : `${COLUMNS[id].width}px`))
    .join(' ');
  const minWidth = columns.reduce((sum, id) => sum + (COLUMNS[id].width || commandMin), 0);
  return { template, minWidth };
}

export function ProcessGrid(props: ProcessGridProps) {
  const { rows, columns, mode, sort, onSort, selectedKey, follow, onSelect, onOpen, onToggle, onContextMenu, labPids } =
    props;
  const { t } = useI18n();
  const links = props.links ?? null;
  const [hoveredPid, setHoveredPid] = useState<number | null>(null);
  const showLinks = links !== null;
  // One stable object, so a row re-renders only when its own data changed.
  const handlers = useMemo(
    () => ({ onSelect, onOpen, onToggle, onContextMenu, onHover: showLinks ? setHoveredPid : () => undefined }),
    [onSelect, onOpen, onToggle, onContextMenu, showLinks],
  );
  // Lit on hover: the processes the hovered one talks to (not those that only share an end with it).
  const peers = useMemo(() => {
    const views = hoveredPid === null ? [] : (links?.get(hoveredPid) ?? []);
    return new Set(views.filter((v) => v.direction !== 'shared').flatMap((v) => v.peers.map((p) => p.pid)));
  }, [links, hoveredPid]);
  const scrollRef = useRef<HTMLDivElement>(null);
  // TanStack Virtual returns functions React Compiler cannot memoise; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    scrollMargin: HEADER_HEIGHT,
    // A row scrolled to lands below the sticky header, not under it.
    scrollPaddingStart: HEADER_HEIGHT,
    // No getItemKey: every row is as high, so the virtualizer's items are keyed by index and it
    // measures the rows again only when their count changes, not with every update.
  });
  const selectedIndex = selectedKey === null ? -1 : rows.findIndex((row) => row.key === selectedKey);
  const onScroll = useFollowSelection(virtualizer, scrollRef, GEOMETRY, {
    key: selectedKey,
    index: selectedIndex,
    follow,
  });

  const { template, minWidth } = layoutOf(columns);
  return (
    <div className="grid" role="grid" aria-rowcount={rows.length} data-testid="process-grid" data-mode={mode}>
      <div className="grid-scroll" ref={scrollRef} onScroll={onScroll}>
        <div
          className="grid-header"
          role="row"
          style={{ gridTemplateColumns: template, height: HEADER_HEIGHT, minWidth }}
        >
          {columns.map((id) => {
            const column = COLUMNS[id];
            const sorted = mode === 'table' && sort.column === id;
            return (
              <button
                key={id}
                type="button"
                role="columnheader"
                className={`grid-cell align-${column.align}${sorted ? ' sorted' : ''}`}
                title={t(column.titleKey)}
                aria-sort={sorted ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'}
                onClick={() => onSort(id)}
                disabled={mode === 'tree'}
              >
                {column.header}
                {sorted && (
                  <span className="sort-mark" aria-hidden>
                    {sort.direction === 'asc' ? '▲' : '▼'}
                  </span>
                )}
              </button>
            );
          })}
        </div>
        {/* getTotalSize() leaves out scrollMargin (the header). Subtracting the header made one
            match a negative height, which the browser ignores: the old height stayed, the view
            stayed scrolled far below the only row, and the table looked empty. */}
        {props.nothingShown && (
          <p className="muted grid-nothing" data-testid="grid-nothing">
            {props.nothingShown}
          </p>
        )}
        <div className="grid-body" style={{ height: virtualizer.getTotalSize(), minWidth }}>
          {virtualizer.getVirtualItems().map((item) => {
            const row = rows[item.index]!;
            return (
              <GridRow
                key={row.key}
                row={row}
                columns={columns}
                template={template}
                top={item.start - HEADER_HEIGHT}
                selected={row.key === selectedKey}
                lab={labPids.has(row.record.pid)}
                links={links?.get(row.record.pid)}
                peer={peers.has(row.record.pid)}
                index={item.index}
                handlers={handlers}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}

/** After the name in the tree: the arguments, or `<defunct>` for a zombie (as ps shows it). */
function treeArguments(record: DisplayRow['record']): string {
  return record.state === 'Z' ? '<defunct>' : record.cmdline.slice(1).join(' ');
}

interface GridRowProps {
  row: DisplayRow | TreeRow;
  columns: ColumnId[];
  template: string;
  top: number;
  selected: boolean;
  lab: boolean;
  links: LinkView[] | undefined;
  /** A peer of the hovered row over a pipe or socket. */
  peer: boolean;
  index: number;
  handlers: Pick<ProcessGridProps, 'onSelect' | 'onOpen' | 'onToggle' | 'onContextMenu'> & {
    onHover: (pid: number | null) => void;
  };
}

const GridRow = memo(
  function GridRow({ row, columns, template, top, selected, lab, links, peer, index, handlers }: GridRowProps) {
    const { t, language } = useI18n();
    const { record, exit } = row;
    const tree = 'depth' in row ? row : null;
    const classes = ['grid-row', index % 2 ? 'odd' : 'even'];
    if (selected) classes.push('selected');
    if (lab) classes.push('lab-process');
    if (exit) classes.push('ghost');
    if (row.isNew) classes.push('born');
    if (record.state === 'Z') classes.push('zombie');
    if (record.state === 'T' || record.state === 't') classes.push('stopped');
    if (tree?.contextOnly) classes.push('context');
    if (peer) classes.push('ipc-peer');
    return (
      <div
        role="row"
        aria-selected={selected}
        data-pid={record.pid}
        data-key={row.key}
        data-depth={tree?.depth}
        className={classes.join(' ')}
        style={{ gridTemplateColumns: template, transform: `translateY(${top}px)` }}
        onClick={() => handlers.onSelect(row.key)}
        onDoubleClick={() => handlers.onOpen(row.key)}
        onMouseEnter={() => handlers.onHover(record.pid)}
        onMouseLeave={() => handlers.onHover(null)}
        onContextMenu={(event) => {
          if (exit) return;
          event.preventDefault();
          handlers.onContextMenu(row.key);
        }}
      >
        {columns.map((id) => {
          const column: ColumnDef = COLUMNS[id];
          if (id === 'stat' || id === 'state') {
            return (
              <span key={id} role="gridcell" className="grid-cell align-left">
                <StatText stat={id === 'stat' ? record.stat : record.state} />
              </span>
            );
          }
          if (id !== 'command') {
            return (
              <span key={id} role="gridcell" className={`grid-cell align-${column.align}${column.fits ? ' fits' : ''}`}>
                {column.text(record, language)}
              </span>
            );
          }
          return (
            <span key={id} role="gridcell" className="grid-cell command" title={column.text(record, language)}>
              {tree && <span className="tree-indent" style={{ width: tree.depth * 16 }} />}
              {tree && (
                <button
                  type="button"
                  className="tree-toggle"
                  aria-label={t('tree.toggle')}
                  aria-expanded={tree.hasChildren ? tree.expanded : undefined}
                  disabled={!tree.hasChildren}
                  onClick={(event) => {
                    event.stopPropagation();
                    handlers.onToggle(row.key);
                  }}
                >
                  {tree.hasChildren ? (tree.expanded ? '▾' : '▸') : '·'}
                </button>
              )}
              {tree && <span className="tree-name">{record.comm}</span>}
              <span className="command-text">{tree ? treeArguments(record) : column.text(record, language)}</span>
              {links && <IpcBadges links={links} />}
              {row.isNew && <span className="badge badge-new">{t('row.new')}</span>}
              {exit && (
                <span className="badge badge-ghost">
                  {exit.wasZombie ? t('row.ghostReaped') : t('row.ghostExited')}
                  {exit.signal ? ` (${exit.signal})` : exit.exitCode != null ? ` (${exit.exitCode})` : ''}
                </span>
              )}
            </span>
          );
        })}
      </div>
    );
  },
  (a, b) =>
    a.row.record === b.row.record &&
    a.row.exit === b.row.exit &&
    a.row.isNew === b.row.isNew &&
    a.selected === b.selected &&
    a.lab === b.lab &&
    a.links === b.links &&
    a.peer === b.peer &&
    a.top === b.top &&
    a.index === b.index &&
    a.template === b.template &&
    a.columns === b.columns &&
    a.handlers === b.handlers &&
    ('depth' in a.row
      ? a.row.expanded === (b.row as TreeRow).expanded &&
        a.row.hasChildren === (b.row as TreeRow).hasChildren &&
        a.row.contextOnly === (b.row as TreeRow).contextOnly
      : true),
);

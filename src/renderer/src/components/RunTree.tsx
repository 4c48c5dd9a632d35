// A run's live process tree, as pstree draws it: every process with its state and parent link,
// newborns highlighted, exited ones as ghosts with their status, zombies <defunct>, orphans
// marked with the parent that adopted them. Selecting a process opens its PCB.
import { useMemo, useSyncExternalStore } from 'react';
import type { RunInfo } from '../../../shared/model/Lab';
import { useI18n } from '../i18n/I18n';
import type { RunProcessStore } from '../store/RunProcessStore';
import { describeExit } from '../views/describeExit';
import { hueOf } from './ProcessLines';
import type { ProcessKey } from '../views/processKey';
import { runTreeRows, type RunTreeRow } from '../views/runTreeRows';
import { StatText } from './StatText';
import '../styles/runTree.css';

interface RunTreeProps {
  run: RunInfo;
  store: RunProcessStore;
  /** The role each process named in its lines (processRoles.ts): forks share a command line. */
  roles: ReadonlyMap<number, string>;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
}

export function RunTree({ run, store, roles, selectedKey, onSelect }: RunTreeProps) {
  const { t } = useI18n();
  const version = useSyncExternalStore(store.subscribe, store.getVersion);
  const rows = useMemo(
    () => (version >= 0 ? runTreeRows(store.rows(run.runId), run, store.adopters(run.runId)) : []),
    [store, version, run],
  );
  const exited = rows.filter((row) => row.exit).length;
  const defunct = rows.filter((row) => !row.exit && row.record.state === 'Z').length;
  return (
    <div className="run-tree" data-testid="run-tree">
      <h3>
        {t('lab.tree')}{' '}
        <span className="run-tree-counts">
          {t(defunct > 0 ? 'runTree.countsDefunct' : 'runTree.counts', {
            alive: rows.length - exited - defunct,
            defunct,
            exited,
          })}
        </span>
      </h3>
      {rows.length === 0 && <p className="muted">{t('runTree.empty')}</p>}
      <ul role="tree" aria-label={t('lab.tree')}>
        {rows.map((row) => (
          <li key={row.key} role="none">
            <RunTreeItem
              row={row}
              role={roles.get(row.record.pid)}
              selected={row.key === selectedKey}
              onSelect={onSelect}
            />
          </li>
        ))}
      </ul>
    </div>
  );
}

function RunTreeItem({
  row,
  role,
  selected,
  onSelect,
}: {
  row: RunTreeRow;
  role: string | undefined;
  selected: boolean;
  onSelect: (key: ProcessKey) => void;
}) {
  const { t } = useI18n();
  const { record, exit, adoptedBy } = row;
  const zombie = !exit && record.state === 'Z';
  const classes = ['run-tree-row', selected && 'selected', row.isNew && 'born', exit && 'ghost', zombie && 'zombie'];
  return (
    <button
      type="button"
      role="treeitem"
      aria-selected={selected}
      aria-level={row.depth + 1}
      className={classes.filter(Boolean).join(' ')}
      onClick={() => onSelect(row.key)}
      data-pid={record.pid}
      data-depth={row.depth}
      data-state={exit ? 'exited' : record.state}
      data-adopted-by={adoptedBy?.pid}
    >
      <span className="run-tree-guide mono" aria-hidden>
        {row.guide}
      </span>
      <span className="pid-dot" style={{ background: `hsl(${hueOf(record.pid)} 70% 50%)` }} />
      <span className="mono run-tree-pid">{record.pid}</span>
      <span className="run-tree-stat">{exit ? <span className="stat">–</span> : <StatText stat={record.stat} />}</span>
      <strong className="run-tree-name">
        {record.comm}
        {zombie && <span className="defunct"> &lt;defunct&gt;</span>}
      </strong>
      {role && (
        <span className="run-tree-role" data-testid="run-tree-role">
          {role}
        </span>
      )}
      <span className="run-tree-args muted">{record.cmdline.slice(1).join(' ')}</span>
      {row.isNew && <span className="badge badge-new">{t('row.new')}</span>}
      {exit && (
        <span className="badge badge-ghost" data-testid="exit-status">
          {describeExit(t, exit)}
        </span>
      )}
      {adoptedBy && (
        <span
          className="badge badge-adopted"
          title={t('runTree.adoptedHelp', { pid: adoptedBy.pid, comm: adoptedBy.comm || '?' })}
        >
          {t('runTree.adoptedBy', { pid: adoptedBy.pid, comm: adoptedBy.comm || '?' })}
        </span>
      )}
    </button>
  );
}

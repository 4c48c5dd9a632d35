// Above the grid: table/tree, the search box with its match count, quick filters, folds and columns.
import { memo, useCallback, type ReactNode, type RefObject } from 'react';
import { useI18n } from '../i18n/I18n';
import { IPC_REFRESH_MS } from '../hooks/useIpcLinks';
import type { RowFilters, ViewMode } from '../hooks/useVisibleRows';
import { QUERY_FIELDS, type QueryError } from '../views/processQuery';
import { PRESETS, type ColumnId, type PresetId } from '../views/columns';
import { ColumnMenu } from './ColumnMenu';

interface ToolbarProps {
  mode: ViewMode;
  onMode: (mode: ViewMode) => void;
  filters: RowFilters;
  onFilters: (change: Partial<RowFilters>) => void;
  myUid: number | null;
  onlyMine: boolean;
  onOnlyMine: (on: boolean) => void;
  matchCount: number;
  total: number;
  queryError: QueryError | null;
  searchRef: RefObject<HTMLInputElement | null>;
  follow: boolean;
  onFollow: (on: boolean) => void;
  onCollapseAll: () => void;
  onExpandAll: () => void;
  columns: ColumnId[];
  onColumns: (columns: ColumnId[]) => void;
  /** The tree's IPC links: offered where /proc can be read (undefined: not offered). */
  links?: boolean;
  onLinks?: (on: boolean) => void;
}

/**
 * A labelled checkbox, the toolbar's quick toggle. Memoised: React sets an input's name and type
 * again whenever it renders it, and the toolbar renders with every change of the match count.
 */
const Check = memo(function Check({
  checked,
  onChange,
  disabled,
  children,
}: {
  checked: boolean;
  onChange: (on: boolean) => void;
  disabled?: boolean;
  children: ReactNode;
}) {
  return (
    <label className="check">
      <input type="checkbox" checked={checked} disabled={disabled} onChange={(e) => onChange(e.target.checked)} />
      {children}
    </label>
  );
});

/** Memoised: its props are stable, so an update that changes no count leaves the toolbar alone. */
export const Toolbar = memo(function Toolbar(props: ToolbarProps) {
  const { t } = useI18n();
  const { mode, filters, onFilters, columns, searchRef } = props;
  const queryError = props.queryError
    ? t(`query.${props.queryError.reason}`, { ...props.queryError, fields: QUERY_FIELDS })
    : null;
  const onHideKernel = useCallback((on: boolean) => onFilters({ hideKernelThreads: on }), [onFilters]);
  const onSubtrees = useCallback((on: boolean) => onFilters({ showSubtrees: on }), [onFilters]);
  const presetOf = (Object.keys(PRESETS) as PresetId[]).find((id) => PRESETS[id].join() === columns.join()) ?? '';
  return (
    <div className="toolbar">
      <div className="segmented" role="group" aria-label={t('view.toggle')} title={t('view.toggle')}>
        {(['table', 'tree'] as const).map((m) => (
          <button
            key={m}
            type="button"
            aria-pressed={mode === m}
            onClick={() => props.onMode(m)}
            data-testid={`view-${m}`}
          >
            {t(`view.${m}`)}
          </button>
        ))}
      </div>
      <div className="search">
        <input
          ref={searchRef}
          type="search"
          value={filters.query}
          placeholder={t('search.placeholder')}
          title={t('search.help')}
          aria-label={t('search.placeholder')}
          aria-invalid={props.queryError !== null}
          onChange={(e) => onFilters({ query: e.target.value })}
          data-testid="search"
        />
        <span className="match-count" data-testid="match-count">
          {t('search.matches', { shown: props.matchCount, total: props.total })}
        </span>
      </div>
      {queryError && (
        <span className="query-error" role="alert" title={queryError} data-testid="query-error">
          {queryError}
        </span>
      )}
      <Check checked={filters.hideKernelThreads} onChange={onHideKernel}>
        {t('filter.hideKernel')}
      </Check>
      <Check checked={props.onlyMine} disabled={props.myUid === null} onChange={props.onOnlyMine}>
        {t('filter.onlyMine')}
      </Check>
      {mode === 'tree' && (
        <>
          <Check checked={filters.showSubtrees} onChange={onSubtrees}>
            {t('filter.subtrees')}
          </Check>
          <button type="button" onClick={props.onCollapseAll} data-testid="collapse-all">
            {t('tree.collapseAll')}
          </button>
          <button type="button" onClick={props.onExpandAll} data-testid="expand-all">
            {t('tree.expandAll')}
          </button>
          {props.onLinks && (
            <span title={t('ipc.toggleHelp', { s: IPC_REFRESH_MS / 1000 })} data-testid="ipc-toggle">
              <Check checked={props.links ?? false} onChange={props.onLinks}>
                {t('ipc.toggle')}
              </Check>
            </span>
          )}
        </>
      )}
      <Check checked={props.follow} onChange={props.onFollow}>
        {t('tree.follow')}
      </Check>
      <label className="select">
        {t('columns.preset')}
        <select
          value={presetOf}
          onChange={(e) => e.target.value && props.onColumns([...PRESETS[e.target.value as PresetId]])}
        >
          <option value="" disabled>
            —
          </option>
          <option value="aux">ps aux</option>
          <option value="ajx">ps ajx</option>
          <option value="htop">htop</option>
        </select>
      </label>
      <ColumnMenu columns={columns} onColumns={props.onColumns} />
    </div>
  );
});

// The ProcLab window: summary header, the process grid (table or tree), the timeline and the PCB.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReconnectingClient } from './client/ReconnectingClient';
import { DetailPanel } from './components/DetailPanel';
import { HeaderControls } from './components/HeaderControls';
import { KeyboardHelp } from './components/KeyboardHelp';
import { ProcessGrid } from './components/ProcessGrid';
import { SplitPane } from './components/SplitPane';
import { SummaryBar } from './components/SummaryBar';
import { TimelinePanel } from './components/TimelinePanel';
import { Toolbar } from './components/Toolbar';
import { LabView } from './components/LabView';
import { SignalDialog } from './components/SignalDialog';
import { useLab } from './hooks/useLab';
import { useKeyboard } from './hooks/useKeyboard';
import { useSignalCatalog } from './hooks/useSignalCatalog';
import { useLive } from './hooks/useLive';
import { useRemembered } from './hooks/useRemembered';
import { NO_CAPABILITIES, useServerInfo } from './hooks/useServerInfo';
import { useTimelineSource } from './hooks/useTimelineSource';
import { useVisibleRows, type RowFilters, type ViewMode } from './hooks/useVisibleRows';
import { useI18n } from './i18n/I18n';
import { markFirstTable, markUpdateDrawn } from './perfMarks';
import { useTheme } from './theme/useTheme';
import { COLUMN_IDS, COLUMNS, PRESETS, type ColumnId } from './views/columns';
import type { TreeRow } from './views/DisplayRow';
import { processKey, type ProcessKey } from './views/processKey';
import type { SortSpec } from './views/sortRows';

type Area = 'monitor' | 'lab';
/** The PCB beside the table: about a quarter of the window, so the default columns fit at 1280 px. */
const DETAILS_WIDTH = Math.round(Math.min(480, Math.max(320, window.innerWidth * 0.26)));
const isMode = (v: unknown): v is ViewMode => v === 'table' || v === 'tree';
const isArea = (v: unknown): v is Area => v === 'monitor' || v === 'lab';
const isColumns = (v: unknown): v is ColumnId[] =>
  Array.isArray(v) && v.length > 0 && v.every((c) => COLUMN_IDS.includes(c as ColumnId));

export function App({ client }: { client: ReconnectingClient }) {
  const { t } = useI18n();
  const { store, live, state, status } = useLive(client);
  const [theme, setTheme] = useTheme();
  const [mode, setMode] = useRemembered<ViewMode>('proclab.view', 'table', isMode);
  const [area, setArea] = useRemembered<Area>('proclab.area', 'monitor', isArea);
  const [columns, setColumns] = useRemembered<ColumnId[]>('proclab.columns', [...PRESETS.aux], isColumns);
  const [sort, setSort] = useState<SortSpec>({ column: 'pid', direction: 'asc' });
  const [filters, setFilters] = useState<RowFilters>({
    query: '',
    hideKernelThreads: false,
    onlyUid: null,
    showSubtrees: true,
  });
  const [collapsed, setCollapsed] = useState<ReadonlySet<ProcessKey>>(() => new Set());
  const [selectedKey, setSelectedKey] = useState<ProcessKey | null>(null);
  const [follow, setFollow] = useState(true);
  const [helpOpen, setHelpOpen] = useState(false);
  const [signalTarget, setSignalTarget] = useState<ProcessKey | null>(null);
  const info = useServerInfo(client, status.connection === 'open');
  const myUid = info && info.serviceUid >= 0 ? info.serviceUid : null;
  const can = info?.capabilities ?? NO_CAPABILITIES;
  const catalog = useSignalCatalog(client, status.connection === 'open');
  const lab = useLab(client, status.connection === 'open', info ? can.lab : null);
  const labPids = useMemo(() => new Set(lab.runs.flatMap((run) => run.livePids)), [lab.runs]);
  const searchRef = useRef<HTMLInputElement>(null);
  const detailsRef = useRef<HTMLDivElement>(null);

  // The tree reads like pstree: names first, then the other columns.
  const gridColumns = useMemo(
    () => (mode === 'tree' ? ['command' as const, ...columns.filter((c) => c !== 'command')] : columns),
    [mode, columns],
  );
  const { rows, matchCount, total, queryError } = useVisibleRows(store, state.version, mode, filters, sort, collapsed);

  const selected = useMemo(
    () => (selectedKey && state.version >= 0 ? store.find(selectedKey) : null),
    [store, selectedKey, state.version],
  );
  // A selection whose ghost has expired keeps showing the last record the store saw of it.
  const shown = selected ?? (selectedKey ? store.lastKnown(selectedKey) : null);

  useEffect(() => {
    store.track(selectedKey);
  }, [store, selectedKey]);
  useEffect(() => {
    markUpdateDrawn();
    markFirstTable(rows.length);
  }, [state.version, rows.length]);
  const history = useMemo(() => (state.version >= 0 ? store.historyPoints() : []), [store, state.version]);
  const timeline = useTimelineSource(store, state, filters, shown?.record ?? null);

  const onSort = useCallback(
    (column: ColumnId) =>
      setSort((s) =>
        s.column === column
          ? { column, direction: s.direction === 'asc' ? 'desc' : 'asc' }
          : { column, direction: 'descendingFirst' in COLUMNS[column] ? 'desc' : 'asc' },
      ),
    [],
  );
  const toggleFold = useCallback(
    (key: ProcessKey) =>
      setCollapsed((c) => {
        const next = new Set(c);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );
  const openDetails = useCallback((key: ProcessKey) => {
    setSelectedKey(key);
    detailsRef.current?.focus();
  }, []);
  const togglePause = () => void live.setPaused(!status.paused);
  // The dialog keeps the record it was opened on: it stays pinned even if the process changes.
  const signalRecord = useMemo(
    () => (signalTarget ? store.find(signalTarget)?.record : undefined),
    [store, signalTarget],
  );

  useKeyboard({
    move: (delta) => {
      if (rows.length === 0) return;
      const index = rows.findIndex((r) => r.key === selectedKey);
      const next = index < 0 ? 0 : Math.max(0, Math.min(rows.length - 1, index + delta));
      setSelectedKey(rows[next]!.key);
    },
    moveTo: (edge) => rows.length > 0 && setSelectedKey(rows[edge === 'first' ? 0 : rows.length - 1]!.key),
    fold: (expand) => {
      const row = rows.find((r) => r.key === selectedKey) as TreeRow | undefined;
      if (mode !== 'tree' || !row) return;
      if (row.hasChildren && row.expanded !== expand) return toggleFold(row.key);
      if (!expand) {
        const parent = rows.find((r) => r.record.pid === row.record.ppid);
        if (parent) setSelectedKey(parent.key);
      }
    },
    focusSearch: () => searchRef.current?.focus(),
    toggleView: () => setMode(mode === 'table' ? 'tree' : 'table'),
    togglePause,
    openDetails: () => selectedKey && openDetails(selectedKey),
    toggleHelp: () => setHelpOpen((open) => !open),
    openSignals: () => can.signals && selected && !selected.exit && setSignalTarget(selectedKey),
    escape: () => {
      if (signalTarget) return setSignalTarget(null);
      if (helpOpen) return setHelpOpen(false);
      if (document.activeElement === searchRef.current && filters.query) setFilters((f) => ({ ...f, query: '' }));
      else (document.activeElement as HTMLElement | null)?.blur();
    },
  });

  const collapseAll = () => {
    const parents = new Set<number>();
    for (const record of state.byPid.values()) parents.add(record.ppid);
    setCollapsed(new Set([...state.byPid.values()].filter((r) => parents.has(r.pid)).map(processKey)));
  };

  return (
    <div className="app">
      <header className="app-header">
        <h1 className="brand">
          <img src="./favicon.svg" alt="" width={20} height={20} />
          {t('app.title')}
        </h1>
        <div className="segmented" role="group">
          {(['monitor', 'lab'] as const).map((a) => (
            <button
              key={a}
              type="button"
              aria-pressed={area === a}
              onClick={() => setArea(a)}
              data-testid={`area-${a}`}
            >
              {t(`view.${a}`)}
            </button>
          ))}
        </div>
        <SummaryBar summary={state.summary} />
        <HeaderControls
          intervalMs={status.intervalMs}
          onInterval={(ms) => void live.setInterval(ms)}
          paused={status.paused}
          onPause={togglePause}
          theme={theme}
          onTheme={setTheme}
          onHelp={() => setHelpOpen(true)}
        />
      </header>
      {status.connection !== 'open' && (
        <div className="banner banner-warning" role="status" data-testid="connection-banner">
          {t(status.connection === 'closed' ? 'conn.closed' : 'conn.connecting')}
        </div>
      )}
      {status.error && (
        <div className="banner banner-error" role="alert">
          {t('conn.error', { message: status.error })}
        </div>
      )}
      <SplitPane
        direction="horizontal"
        initialSize={DETAILS_WIDTH}
        minSize={280}
        storageKey="proclab.detailsWidth"
        label={t('detail.identity')}
      >
        <SplitPane
          direction="vertical"
          initialSize={200}
          minSize={90}
          storageKey="proclab.timelineHeight"
          label={t('timeline.title')}
        >
          {area === 'lab' ? (
            <main className="main lab-area">
              <LabView
                client={client}
                lab={lab}
                byPid={state.byPid}
                selectedKey={selectedKey}
                onSelect={setSelectedKey}
              />
            </main>
          ) : (
            <main className="main">
              <Toolbar
                mode={mode}
                onMode={setMode}
                filters={filters}
                onFilters={(change) => setFilters((f) => ({ ...f, ...change }))}
                myUid={myUid}
                onlyMine={filters.onlyUid !== null}
                onOnlyMine={(on) => setFilters((f) => ({ ...f, onlyUid: on ? myUid : null }))}
                matchCount={matchCount}
                total={total}
                queryError={queryError}
                searchRef={searchRef}
                follow={follow}
                onFollow={setFollow}
                onCollapseAll={collapseAll}
                onExpandAll={() => setCollapsed(new Set())}
                columns={columns}
                onColumns={setColumns}
              />
              <ProcessGrid
                rows={rows}
                columns={gridColumns}
                mode={mode}
                sort={sort}
                onSort={onSort}
                selectedKey={selectedKey}
                onSelect={setSelectedKey}
                onOpen={openDetails}
                onContextMenu={(key) => {
                  setSelectedKey(key);
                  if (can.signals) setSignalTarget(key);
                }}
                onToggle={toggleFold}
                follow={follow}
                labPids={labPids}
              />
            </main>
          )}
          <TimelinePanel
            entries={timeline.entries}
            selected={timeline.selected}
            predicate={timeline.predicate}
            onSelect={setSelectedKey}
            selectedKey={selectedKey}
            byPid={state.byPid}
            runs={lab.runs}
          />
        </SplitPane>
        <div className="details-pane" ref={detailsRef} tabIndex={-1}>
          <DetailPanel
            client={client}
            record={shown?.record ?? null}
            exit={shown?.exit ?? null}
            history={history}
            version={state.version}
            can={can}
            onSelect={setSelectedKey}
            onSignal={() => setSignalTarget(selectedKey)}
          />
        </div>
      </SplitPane>
      {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
      {signalTarget && signalRecord && (
        <SignalDialog
          client={client}
          record={signalRecord}
          catalog={catalog}
          byPid={state.byPid}
          onClose={() => setSignalTarget(null)}
        />
      )}
    </div>
  );
}

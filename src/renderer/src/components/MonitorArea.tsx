// The monitor: the toolbar, and every process of the machine as a table or a tree.
import type { RefObject } from 'react';
import type { MonitorView } from '../hooks/useMonitorView';
import type { ProcessKey } from '../views/processKey';
import { ProcessGrid } from './ProcessGrid';
import { Toolbar } from './Toolbar';

interface MonitorAreaProps {
  view: MonitorView;
  searchRef: RefObject<HTMLInputElement | null>;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
  onOpen: (key: ProcessKey) => void;
  onSignal: (key: ProcessKey) => void;
  labPids: ReadonlySet<number>;
}

export function MonitorArea({ view, searchRef, selectedKey, onSelect, onOpen, onSignal, labPids }: MonitorAreaProps) {
  const { filters, myUid } = view;
  return (
    <main className="main">
      <Toolbar
        mode={view.mode}
        onMode={view.setMode}
        filters={filters}
        onFilters={view.updateFilters}
        myUid={myUid}
        onlyMine={filters.onlyUid !== null}
        onOnlyMine={(on) => view.updateFilters({ onlyUid: on ? myUid : null })}
        matchCount={view.matchCount}
        total={view.total}
        queryError={view.queryError}
        searchRef={searchRef}
        follow={view.follow}
        onFollow={view.setFollow}
        onCollapseAll={view.collapseAll}
        onExpandAll={view.expandAll}
        columns={view.columns}
        onColumns={view.setColumns}
      />
      <ProcessGrid
        rows={view.rows}
        columns={view.gridColumns}
        mode={view.mode}
        sort={view.sort}
        onSort={view.onSort}
        selectedKey={selectedKey}
        onSelect={onSelect}
        onOpen={onOpen}
        onContextMenu={(key) => {
          onSelect(key);
          onSignal(key);
        }}
        onToggle={view.toggleFold}
        follow={view.follow}
        labPids={labPids}
      />
    </main>
  );
}

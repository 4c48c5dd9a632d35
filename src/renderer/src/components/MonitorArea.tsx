// The monitor: the toolbar, and every process of the machine as a table or a tree (with the IPC
// links among the tree's rows while they are switched on).
import { useCallback, type RefObject } from 'react';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import type { MonitorView } from '../hooks/useMonitorView';
import { useTreeLinks } from '../hooks/useTreeLinks';
import { useI18n } from '../i18n/I18n';
import type { ProcessKey } from '../views/processKey';
import { ProcessGrid } from './ProcessGrid';
import { Toolbar } from './Toolbar';

interface MonitorAreaProps {
  client: ReconnectingClient;
  view: MonitorView;
  /** The IPC links can be read here (Linux /proc): the toolbar offers their switch. */
  linksOffered: boolean;
  searchRef: RefObject<HTMLInputElement | null>;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
  onOpen: (key: ProcessKey) => void;
  onSignal: (key: ProcessKey) => void;
  labPids: ReadonlySet<number>;
}

export function MonitorArea(props: MonitorAreaProps) {
  const { client, view, linksOffered, searchRef, selectedKey, onSelect, onOpen, onSignal, labPids } = props;
  const { t } = useI18n();
  const { filters, myUid } = view;
  const { updateFilters } = view;
  const onOnlyMine = useCallback(
    (on: boolean) => updateFilters({ onlyUid: on ? myUid : null }),
    [updateFilters, myUid],
  );
  // Stable, so the grid's rows (memoised on their handlers) do not all render again with each update.
  const onContextMenu = useCallback(
    (key: ProcessKey) => {
      onSelect(key);
      onSignal(key);
    },
    [onSelect, onSignal],
  );
  const treeLinks = useTreeLinks(client, view.rows, view.mode === 'tree' && view.showLinks && linksOffered);
  return (
    <main className="main">
      <Toolbar
        mode={view.mode}
        onMode={view.setMode}
        filters={filters}
        onFilters={view.updateFilters}
        myUid={myUid}
        onlyMine={filters.onlyUid !== null}
        onOnlyMine={onOnlyMine}
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
        links={view.showLinks}
        onLinks={linksOffered ? view.setShowLinks : undefined}
      />
      {treeLinks.links && (
        <p className="muted ipc-tree-note" data-testid="ipc-tree-note">
          {t('ipc.treeNote', { n: treeLinks.links.scanned })}
          {treeLinks.links.truncated && ` · ${t('ipc.truncated')}`}
          {!treeLinks.links.unixPaired && ` · ${t('ipc.unixUnpaired')}`}
        </p>
      )}
      <ProcessGrid
        rows={view.rows}
        nothingShown={view.rows.length === 0 && view.total > 0 ? t('search.nothing') : null}
        columns={view.gridColumns}
        mode={view.mode}
        sort={view.sort}
        onSort={view.onSort}
        selectedKey={selectedKey}
        onSelect={onSelect}
        onOpen={onOpen}
        onContextMenu={onContextMenu}
        onToggle={view.toggleFold}
        follow={view.follow}
        labPids={labPids}
        links={treeLinks.byPid}
      />
    </main>
  );
}

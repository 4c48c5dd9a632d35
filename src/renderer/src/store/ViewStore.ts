// State several views share that is not the machine's: what the timeline is scoped to. The lab
// opens a run with setOpenRun, which scopes the timeline to that run until the run is closed.
import { createContext, useContext, useSyncExternalStore } from 'react';

/** process: the selected process and its descendants; search: what the search box matches. */
export type TimelineScope = { kind: 'all' } | { kind: 'process' } | { kind: 'search' } | { kind: 'run'; runId: string };

export interface ViewState {
  timelineScope: TimelineScope;
}

export class ViewStore {
  private state: ViewState = { timelineScope: { kind: 'all' } };
  /** The scope chosen before a run was opened, restored when it is closed. */
  private scopeBeforeRun: TimelineScope | null = null;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => void this.listeners.delete(listener);
  };

  readonly getState = (): ViewState => this.state;

  setTimelineScope(timelineScope: TimelineScope): void {
    this.scopeBeforeRun = null;
    this.update({ timelineScope });
  }

  /** The lab's open run (null: none): the timeline shows that run while it is open. */
  setOpenRun(runId: string | null): void {
    const scope = this.state.timelineScope;
    if (runId !== null) {
      if (scope.kind === 'run' && scope.runId === runId) return;
      if (scope.kind !== 'run') this.scopeBeforeRun = scope;
      this.update({ timelineScope: { kind: 'run', runId } });
    } else if (scope.kind === 'run') {
      this.update({ timelineScope: this.scopeBeforeRun ?? { kind: 'all' } });
      this.scopeBeforeRun = null;
    }
  }

  private update(change: Partial<ViewState>): void {
    this.state = { ...this.state, ...change };
    for (const listener of this.listeners) listener();
  }
}

export const ViewStoreContext = createContext<ViewStore | null>(null);

/** The window's ViewStore (provided by App) and its current state. */
export function useViewStore(): [ViewState, ViewStore] {
  const store = useContext(ViewStoreContext);
  if (!store) throw new Error('useViewStore outside ViewStoreContext');
  return [useSyncExternalStore(store.subscribe, store.getState), store];
}

// Messages between the lab supervisor and its watcher thread.
import type { TreeChanges, WatchedProcess } from './LabTreePoller';

/** A process of a run that lives 100 ms is seen several times over, even if a poll runs late. */
export const WATCH_INTERVAL_MS = 20;

export type WatcherRequest = { type: 'watch'; process: WatchedProcess } | { type: 'close' };

export type WatcherReply = { type: 'ready' } | { type: 'changes'; changes: TreeChanges };

// A row as the table and the tree show it: a live process, or the ghost of one that exited.
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ProcessKey } from './processKey';

export interface ExitInfo {
  exitedAt: number;
  /** Known for processes whose parent told ProcLab (the lab's own children). */
  exitCode?: number | null;
  signal?: string | null;
  /** It was a zombie, so its exit means its parent (or init) reaped it. */
  wasZombie: boolean;
}

export interface DisplayRow {
  key: ProcessKey;
  record: ProcessRecord;
  /** Set for a ghost: greyed, then gone after a few seconds. */
  exit: ExitInfo | null;
  /** Born within the last few seconds: highlighted. */
  isNew: boolean;
}

/** A row of the tree view: a DisplayRow placed at a depth, with its fold state. */
export interface TreeRow extends DisplayRow {
  depth: number;
  hasChildren: boolean;
  expanded: boolean;
  /** Shown only because a descendant matches the filter. */
  contextOnly: boolean;
}

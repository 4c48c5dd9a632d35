// A process's identity in the UI: pids are reused, (pid, start time) is not.
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';

export type ProcessKey = string;

export function processKey(p: Pick<ProcessRecord, 'pid' | 'startTime'>): ProcessKey {
  return `${p.pid}:${p.startTime}`;
}

// The one interface every platform's sampler implements: a whole table and a summary per call.
import type { SamplerKind } from '../../shared/contract/methods';
import type { ProcessRecord, SystemSummary } from '../../shared/model/ProcessRecord';

export interface Sample {
  /**
   * Every process, keyed by pid. A record object that did not change since the previous
   * sample is the same object, so a diff can skip it by identity. The map itself is valid until
   * the sample after next (samplers may reuse it).
   */
  rows: Map<number, ProcessRecord>;
  summary: SystemSummary;
}

export interface Sampler {
  readonly kind: SamplerKind;
  /**
   * With `focus`, a sampler may read only those pids (and new ones) and reuse the rest. `stale`
   * pids changed in ways a sampler may not see otherwise (reniced): they are read again.
   */
  sample(focus?: ReadonlySet<number>, stale?: ReadonlySet<number>): Promise<Sample> | Sample;
  close(): void;
}

export function countStates(rows: Map<number, ProcessRecord>): Pick<SystemSummary, 'stateCounts' | 'threadCount'> {
  const stateCounts: SystemSummary['stateCounts'] = {};
  let threadCount = 0;
  for (const row of rows.values()) {
    stateCounts[row.state] = (stateCounts[row.state] ?? 0) + 1;
    threadCount += row.threads;
  }
  return { stateCounts, threadCount };
}

// Messages between the main thread and the sampler worker.
import type { SamplerKind } from '../../shared/contract/methods';
import type { SystemSummary } from '../../shared/model/ProcessRecord';
import type { RowDiff } from '../model/diffRows';

export type SamplerRequest = { type: 'sample'; id: number; focus?: number[]; stale?: number[] } | { type: 'close' };

export type SamplerReply =
  | { type: 'ready'; kind: SamplerKind }
  | { type: 'sampled'; id: number; diff: RowDiff; summary: SystemSummary; workerMs: number }
  | { type: 'failed'; id: number; message: string };

export type SampledReply = Extract<SamplerReply, { type: 'sampled' }>;

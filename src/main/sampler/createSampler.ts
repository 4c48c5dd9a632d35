// The only place that reads process.platform for sampling: it picks the sampler, and the
// sampler's kind decides what else ProcLab can do (capabilitiesOf).
import type { Capabilities, SamplerKind } from '../../shared/contract/methods';
import { LinuxProcSampler } from './LinuxProcSampler';
import { PortableSampler } from './PortableSampler';
import type { Sampler } from './Sampler';

export type SamplerChoice = 'auto' | SamplerKind;

/** 'auto' is /proc on Linux and the portable sampler everywhere else. */
export function samplerKindFor(choice: SamplerChoice = 'auto'): SamplerKind {
  if (choice !== 'auto') return choice;
  return process.platform === 'linux' ? 'linux-proc' : 'portable';
}

export function createSampler(choice: SamplerChoice = 'auto'): Sampler {
  return samplerKindFor(choice) === 'linux-proc' ? new LinuxProcSampler() : new PortableSampler();
}

/**
 * Details read /proc/PID/*; signals pin each target by (pid, start time) read again from
 * /proc/PID/stat right before kill(2); the lab finds a run's processes by the tag in
 * /proc/PID/environ. The portable sampler has none of these, so it offers only the table.
 */
export function capabilitiesOf(kind: SamplerKind): Capabilities {
  const proc = kind === 'linux-proc';
  return { details: proc, signals: proc, lab: proc };
}

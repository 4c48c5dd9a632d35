// The only place that looks at process.platform to choose a sampler.
import { LinuxProcSampler } from './LinuxProcSampler';
import { PortableSampler } from './PortableSampler';
import type { Sampler } from './Sampler';

export type SamplerChoice = 'auto' | 'linux-proc' | 'portable';

export function createSampler(choice: SamplerChoice = 'auto'): Sampler {
  const useProc = choice === 'linux-proc' || (choice === 'auto' && process.platform === 'linux');
  return useProc ? new LinuxProcSampler() : new PortableSampler();
}

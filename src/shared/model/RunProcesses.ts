// A lab run's live process tree as the lab samples it (10 Hz): its processes and what happened to them.
import type { ProcessEvent } from './ProcessEvent';
import type { ProcessRecord } from './ProcessRecord';

/** A parent outside the run that took in one of its processes (init, a subreaper). */
export interface Adopter {
  pid: number;
  comm: string;
}

export interface RunProcesses {
  runId: string;
  /** Epoch ms of the sample it comes from. */
  at: number;
  /** Every live process of the run now, zombies and escaped ones (orphans, daemons) included. */
  processes: ProcessRecord[];
  /** The parents outside the run of its processes that left the run's subtree. */
  adopters: Adopter[];
  /**
   * What happened to the run's processes since the previous message: births, exits (with the
   * exit status where the lab knows it), zombies, reparentings.
   */
  events: ProcessEvent[];
}

// What an earlier ProcLab left running when it was SIGKILLed: found (findLeftovers), and ended like
// a run is stopped, until a fresh look finds none (what they fork meanwhile included).
import type { Leftover } from '../../shared/model/Lab';
import type { ProcIdentityReader } from '../sampler/ProcIdentityReader';
import { signalPinned } from '../signals/signalPinned';
import { endProcesses } from './endProcesses';
import { findLeftovers } from './findLeftovers';
import type { RunRecords } from './RunRecords';
import type { OwnerIdentity } from './runTag';

export class Leftovers {
  constructor(
    private readonly reader: ProcIdentityReader,
    private readonly records: RunRecords,
    private readonly self: OwnerIdentity,
    private readonly graceMs: number,
  ) {}

  /** Also forgets the records of ProcLabs that are gone and left nothing running. */
  find(): Leftover[] {
    const { leftovers, spentRecords } = findLeftovers(this.reader, this.records, this.self);
    for (const file of spentRecords) this.records.forget(file);
    return leftovers;
  }

  async end(): Promise<{ ended: number }> {
    const seen = new Set<string>();
    const ending = await endProcesses(
      async () => {
        const leftovers = this.find();
        for (const l of leftovers) seen.add(`${l.pid}:${l.startTime}`);
        return leftovers;
      },
      (target, signal) => signalPinned(this.reader, target, signal),
      this.graceMs,
    );
    return { ended: seen.size - ending.remaining.length };
  }
}

// Run as another user by the EPERM test: tries to stop a process through a real SignalSender and
// prints the coded error it gets.
import { ProcLabFailure } from '../../src/shared/contract/errors';
import { ProcIdentityReader } from '../../src/main/sampler/ProcIdentityReader';
import { buildSignalCatalog } from '../../src/main/signals/signalCatalog';
import { SignalSender } from '../../src/main/signals/SignalSender';
import { LinuxProcSampler } from '../../src/main/sampler/LinuxProcSampler';

async function main(): Promise<void> {
  const [pid, startTime] = process.argv.slice(2).map(Number) as [number, number];
  const sampler = new LinuxProcSampler();
  const sender = new SignalSender({
    catalog: buildSignalCatalog(true),
    reader: new ProcIdentityReader(),
    table: async () => sampler.sample().rows,
    lab: { isLabProcess: () => false, exitOf: () => undefined },
    ownPids: () => new Set([process.pid]),
  });
  try {
    await sender.send({ pid, startTime, signal: 'SIGSTOP', target: 'process', confirmed: true, confirmOwn: false });
    console.log('SENT');
  } catch (error) {
    console.log(error instanceof ProcLabFailure ? `${error.code} ${error.message}` : `ERROR ${String(error)}`);
  } finally {
    sampler.close();
  }
}

void main();

// Times ps-list and pidusage over the pids given on stdin, in a process of their own: pidusage
// keeps a /proc file open per pid it has seen, which must not eat the benchmark's own fd limit.
import pidusage from 'pidusage';
import { median, timeEach } from './stats';

async function main(): Promise<void> {
  let input = '';
  for await (const chunk of process.stdin) input += String(chunk);
  const pids = (JSON.parse(input) as number[]).concat(process.pid);
  const { default: psList } = await import('ps-list');
  const psListMs = median(await timeEach(5, () => psList()));
  const pidusageMs = median(await timeEach(5, () => pidusage(pids)));
  process.stdout.write(JSON.stringify({ psListMs, pidusageMs }));
}

void main();

// Loaded with `node --require` into the server the benchmark starts. SIGUSR2 starts watching the
// main event loop; the next SIGUSR2 prints what it saw meanwhile on stderr and stops. Off between
// the two, because a 1 ms timer costs CPU that the benchmark would count as the server's.
//
// Two figures: how late a 1 ms timer ran (wall clock: on a loaded machine that includes waiting
// for a core), and the longest stretch the main thread spent on a CPU between two of those timers
// (from its schedstat, sched(7): on-CPU nanoseconds), which is what the server's own work blocked.
const { readFileSync } = require('node:fs');
const { monitorEventLoopDelay } = require('node:perf_hooks');

const SCHEDSTAT = `/proc/self/task/${process.pid}/schedstat`;
const onCpuNs = () => Number(readFileSync(SCHEDSTAT, 'utf8').split(' ')[0]);

const histogram = monitorEventLoopDelay({ resolution: 1 });
let timer = null;
let lastOnCpu = 0;
let maxBusyNs = 0;

function watchBusy() {
  const now = onCpuNs();
  maxBusyNs = Math.max(maxBusyNs, now - lastOnCpu);
  lastOnCpu = onCpuNs(); // after the read, so the probe's own read is not counted
  timer = setTimeout(watchBusy, 1);
}

process.on('SIGUSR2', () => {
  if (!timer) {
    histogram.reset();
    histogram.enable();
    maxBusyNs = 0;
    lastOnCpu = onCpuNs();
    timer = setTimeout(watchBusy, 1);
    return;
  }
  clearTimeout(timer);
  timer = null;
  histogram.disable();
  const delays = { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6, maxBusyMs: maxBusyNs / 1e6 };
  process.stderr.write(`proclab-loop-delay ${JSON.stringify(delays)}\n`);
});

// Loaded with `node --require` into the server the benchmark starts. SIGUSR2 starts watching the
// main event loop; the next SIGUSR2 prints its delays meanwhile on stderr and stops. Off between
// the two, because a 1 ms timer costs CPU that the benchmark would count as the server's.
const { monitorEventLoopDelay } = require('node:perf_hooks');

const histogram = monitorEventLoopDelay({ resolution: 1 });
let watching = false;
process.on('SIGUSR2', () => {
  watching = !watching;
  if (watching) {
    histogram.reset();
    histogram.enable();
    return;
  }
  histogram.disable();
  const delays = { maxMs: histogram.max / 1e6, p99Ms: histogram.percentile(99) / 1e6 };
  process.stderr.write(`proclab-loop-delay ${JSON.stringify(delays)}\n`);
});

// The fallback of multiprocessing_demo.py, where python3 is missing.
// multiprocessing: like Python's multiprocessing.Process. The parent starts workers, reads their
// pid and is_alive, and joins them (waits for their end). A "daemon" worker (daemon=True in
// Python) is ended by the parent when the parent itself exits.
const { fork } = require('node:child_process');
const os = require('node:os');

const role = process.argv[2];
if (role === 'worker') {
  const seconds = Number(process.argv[3]);
  console.log(`[${process.pid}] worker: working for ${seconds} s (parent ${process.ppid})`);
  setTimeout(() => {
    console.log(`[${process.pid}] worker: done`);
    process.exit(0);
  }, seconds * 1000);
} else if (role === 'daemon-worker') {
  process.on('SIGTERM', () => {
    console.log(`[${process.pid}] daemon worker: SIGTERM, my parent is exiting (daemon=True)`);
    process.exit(0);
  });
  console.log(`[${process.pid}] daemon worker: I run until my parent ends`);
  setInterval(() => {}, 1000);
} else {
  const log = (text) => console.log(`[${process.pid}] parent: ${text}`);
  const start = (args) => fork(__filename, args, { stdio: 'inherit' });
  const workers = [start(['worker', '3']), start(['worker', '6'])];
  const daemonWorker = start(['daemon-worker']);
  // Printed as Python prints booleans, so both editions read alike.
  const isAlive = (child) => (child.exitCode === null && child.signalCode === null ? 'True' : 'False');
  for (const w of workers) log(`started worker ${w.pid}; is_alive() = ${isAlive(w)}`);
  log(`started daemon worker ${daemonWorker.pid} (daemon=True)`);
  const join = (child) =>
    new Promise((resolve) => (isAlive(child) === 'True' ? child.once('exit', resolve) : resolve()));
  (async () => {
    for (const w of workers) {
      log(`join(): waiting for ${w.pid}`);
      await join(w);
      // Python's exitcode: the exit status, or minus the signal that ended it.
      const exitcode = w.exitCode ?? -os.constants.signals[w.signalCode];
      log(`join(): ${w.pid} has ended; is_alive() = ${isAlive(w)}, exitcode = ${exitcode}`);
    }
    log(`exiting; I end my daemon worker ${daemonWorker.pid} with me`);
    daemonWorker.kill('SIGTERM');
    await join(daemonWorker);
    log(`daemon worker ${daemonWorker.pid} ended with me`);
  })();
}

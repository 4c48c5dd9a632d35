// The fallback of multiprocessing_demo.py, where python3 is missing.
// multiprocessing: like Python's multiprocessing.Process. The parent starts workers, reads their
// pid and is_alive, and joins them (waits for their end). A "daemon" worker (daemon=True in
// Python) is ended by the parent when the parent itself exits.
const { fork } = require('node:child_process');
const os = require('node:os');
const { say } = require('./lab_say.js');

const role = process.argv[2];
if (role === 'worker') {
  const seconds = Number(process.argv[3]);
  say(
    `worker: working for ${seconds} s (parent ${process.ppid})`,
    `工作进程：工作 ${seconds} 秒（父进程 ${process.ppid}）`,
  );
  setTimeout(() => {
    say('worker: done', '工作进程：完成');
    process.exit(0);
  }, seconds * 1000);
} else if (role === 'daemon-worker') {
  process.on('SIGTERM', () => {
    say(
      'daemon worker: SIGTERM, my parent is exiting (daemon=True)',
      '守护工作进程：收到 SIGTERM，我的父进程正在退出（daemon=True）',
    );
    process.exit(0);
  });
  say('daemon worker: I run until my parent ends', '守护工作进程：我一直运行，直到父进程结束');
  setInterval(() => {}, 1000);
} else {
  const start = (args) => fork(__filename, args, { stdio: 'inherit' });
  const workers = [start(['worker', '3']), start(['worker', '6'])];
  const daemonWorker = start(['daemon-worker']);
  // Printed as Python prints booleans, so both editions read alike.
  const isAlive = (child) => (child.exitCode === null && child.signalCode === null ? 'True' : 'False');
  for (const w of workers)
    say(
      `parent: started worker ${w.pid}; is_alive() = ${isAlive(w)}`,
      `父进程：已启动工作进程 ${w.pid}；is_alive() = ${isAlive(w)}`,
    );
  say(
    `parent: started daemon worker ${daemonWorker.pid} (daemon=True)`,
    `父进程：已启动守护工作进程 ${daemonWorker.pid}（daemon=True）`,
  );
  const join = (child) =>
    new Promise((resolve) => (isAlive(child) === 'True' ? child.once('exit', resolve) : resolve()));
  (async () => {
    for (const w of workers) {
      say(`parent: join(): waiting for ${w.pid}`, `父进程：join()：等待 ${w.pid}`);
      await join(w);
      // Python's exitcode: the exit status, or minus the signal that ended it.
      const exitcode = w.exitCode ?? -os.constants.signals[w.signalCode];
      say(
        `parent: join(): ${w.pid} has ended; is_alive() = ${isAlive(w)}, exitcode = ${exitcode}`,
        `父进程：join()：${w.pid} 已结束；is_alive() = ${isAlive(w)}，exitcode = ${exitcode}`,
      );
    }
    say(
      `parent: exiting; I end my daemon worker ${daemonWorker.pid} with me`,
      `父进程：退出；我带着守护工作进程 ${daemonWorker.pid} 一起结束`,
    );
    daemonWorker.kill('SIGTERM');
    await join(daemonWorker);
    say(
      `parent: daemon worker ${daemonWorker.pid} ended with me`,
      `父进程：守护工作进程 ${daemonWorker.pid} 随我一起结束了`,
    );
  })();
}

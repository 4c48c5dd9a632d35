// The fallback of daemon.py, where python3 is missing.
// daemon: a long-lived background process with no controlling terminal. The launcher starts it
// in a new session (fork + setsid: Node's detached option), gives it no terminal and no pipes,
// and exits at once. The daemon is then a session leader (sid = its pid), has no tty, and has
// been adopted by init. It writes a heartbeat to a log file, as daemons do.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

if (process.argv[2] === '--daemon') {
  const log = process.argv[3];
  process.on('SIGTERM', () => {
    fs.appendFileSync(log, `[${process.pid}] daemon: SIGTERM, shutting down cleanly\n`);
    process.exit(0);
  });
  let beat = 0;
  setInterval(() => fs.appendFileSync(log, `[${process.pid}] daemon: heartbeat ${++beat}\n`), 1000);
} else {
  const log = path.join(os.tmpdir(), `proclab-daemon-${process.pid}.log`);
  const daemon = spawn(process.execPath, [__filename, '--daemon', log], { detached: true, stdio: 'ignore' });
  daemon.unref();
  console.log(`[${process.pid}] launcher: started daemon ${daemon.pid} in a new session; its log is ${log}`);
  console.log(`[${process.pid}] launcher: exiting now; the daemon stays`);
}

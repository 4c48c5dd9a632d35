// The fallback of daemon.py, where python3 is missing.
// daemon: a long-lived background process with no controlling terminal. The launcher starts it
// in a new session (fork + setsid: Node's detached option), gives it no terminal and no pipes,
// and exits at once. The daemon is then a session leader (sid = its pid), has no tty, and has
// been adopted by init. It writes a heartbeat to a log file, as daemons do.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { line, say } = require('./lab_say.js');

if (process.argv[2] === '--daemon') {
  const log = process.argv[3];
  const write = (english, chinese) => fs.appendFileSync(log, `${line(english, chinese)}\n`);
  process.on('SIGTERM', () => {
    write('daemon: SIGTERM, shutting down cleanly', '守护进程：收到 SIGTERM，正常关闭');
    process.exit(0);
  });
  let beat = 0;
  setInterval(() => {
    beat += 1;
    write(`daemon: heartbeat ${beat}`, `守护进程：心跳 ${beat}`);
  }, 1000);
} else {
  const log = path.join(os.tmpdir(), `proclab-daemon-${process.pid}.log`);
  const daemon = spawn(process.execPath, [__filename, '--daemon', log], { detached: true, stdio: 'ignore' });
  daemon.unref();
  say(
    `launcher: started daemon ${daemon.pid} in a new session; its log is ${log}`,
    `启动进程：已在新会话中启动守护进程 ${daemon.pid}，它的日志是 ${log}`,
  );
  say('launcher: exiting now; the daemon stays', '启动进程：现在退出；守护进程继续运行');
}

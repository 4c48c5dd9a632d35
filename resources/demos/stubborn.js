// stubborn: tries to install handlers for SIGKILL and SIGSTOP. The kernel refuses (EINVAL):
// those two can never be caught, blocked or ignored. Send SIGSTOP or SIGKILL and watch.
const { say } = require('./lab_say.js');

for (const signal of ['SIGKILL', 'SIGSTOP']) {
  try {
    process.on(signal, () => say(`stubborn: caught ${signal}?!`, `stubborn：捕获了 ${signal}？！`));
    say(`stubborn: a handler for ${signal} was accepted`, `stubborn：${signal} 的处理函数被接受了`);
  } catch (error) {
    const reason = error.code ?? error.message;
    say(`stubborn: cannot handle ${signal}: ${reason}`, `stubborn：无法处理 ${signal}：${reason}`);
  }
}
process.on('SIGTERM', () =>
  say('stubborn: SIGTERM caught, and ignored by my handler', 'stubborn：SIGTERM 被捕获，我的处理函数忽略了它'),
);
say(
  'stubborn: running; SIGTERM is caught, SIGKILL would end me',
  'stubborn：运行中；SIGTERM 会被捕获，SIGKILL 会结束我',
);
setInterval(() => {}, 1000);

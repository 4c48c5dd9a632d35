// stubborn: tries to install handlers for SIGKILL and SIGSTOP. The kernel refuses (EINVAL):
// those two can never be caught, blocked or ignored. Send SIGSTOP or SIGKILL and watch.
for (const signal of ['SIGKILL', 'SIGSTOP']) {
  try {
    process.on(signal, () => console.log(`[${process.pid}] stubborn: caught ${signal}?!`));
    console.log(`[${process.pid}] stubborn: a handler for ${signal} was accepted`);
  } catch (error) {
    console.log(`[${process.pid}] stubborn: cannot handle ${signal}: ${error.code ?? error.message}`);
  }
}
process.on('SIGTERM', () => console.log(`[${process.pid}] stubborn: SIGTERM caught, and ignored by my handler`));
console.log(`[${process.pid}] stubborn: running; SIGTERM is caught, SIGKILL would end me`);
setInterval(() => {}, 1000);

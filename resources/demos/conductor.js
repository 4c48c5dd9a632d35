// The conductor (售票员) of the driver-and-conductor exercise; driver-conductor.sh starts it.
// A shell cannot catch SIGINT in a background child (POSIX starts "&" jobs with SIGINT and SIGQUIT
// ignored, and a shell cannot undo that), so the conductor is a Node program, which can.
const driver = Number(process.argv[2]);
const say = (text) => console.log(`[${process.pid}] conductor: ${text}`);

process.on('SIGINT', () => {
  say('SIGINT, telling the driver to go (SIGUSR1)');
  process.kill(driver, 'SIGUSR1');
});
process.on('SIGQUIT', () => {
  say('SIGQUIT, telling the driver to warn (SIGUSR2)');
  process.kill(driver, 'SIGUSR2');
});
// Ctrl+Z is for the driver: the conductor lets it pass without stopping.
process.on('SIGTSTP', () => {});
process.on('SIGUSR1', () => {
  say('到站了，下车吧');
  process.exit(0);
});
say(`on board (driver is ${driver})`);
setInterval(() => {}, 1000);

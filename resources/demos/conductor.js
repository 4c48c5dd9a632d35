// The conductor (售票员) of the driver-and-conductor exercise; driver-conductor.sh starts it.
// A shell cannot catch SIGINT in a background child (POSIX starts "&" jobs with SIGINT and SIGQUIT
// ignored, and a shell cannot undo that), so the conductor is a Node program, which can.
const { say } = require('./lab_say.js');

const driver = Number(process.argv[2]);

process.on('SIGINT', () => {
  say('conductor: SIGINT, telling the driver to go (SIGUSR1)', '售票员：收到 SIGINT，通知司机开车（SIGUSR1）');
  process.kill(driver, 'SIGUSR1');
});
process.on('SIGQUIT', () => {
  say('conductor: SIGQUIT, telling the driver to warn (SIGUSR2)', '售票员：收到 SIGQUIT，通知司机提醒乘客（SIGUSR2）');
  process.kill(driver, 'SIGUSR2');
});
// Ctrl+Z is for the driver: the conductor lets it pass without stopping.
process.on('SIGTSTP', () => {});
process.on('SIGUSR1', () => {
  say('conductor: 到站了，下车吧', '售票员：到站了，下车吧');
  process.exit(0);
});
say(`conductor: on board (driver is ${driver})`, `售票员：已上车（司机是 ${driver}）`);
setInterval(() => {}, 1000);

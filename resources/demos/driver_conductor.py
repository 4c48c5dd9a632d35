"""Driver and conductor (司机和售票员), the course's signal homework.

What to watch for:
- The parent is the driver; the child made by os.fork() is the conductor.
- Ctrl+C (SIGINT): the conductor sends SIGUSR1 to the driver, who says
  老司机开车了.
- Ctrl+\\ (SIGQUIT): the conductor sends SIGUSR2 to the driver, who says
  系好安全带，小心甩出去.
- Ctrl+Z (SIGTSTP): the driver sends SIGUSR1 to the conductor, who says
  到站了，下车吧 and gets off (exits) first; then the driver leaves.
- A terminal key goes to the whole foreground process group, driver and
  conductor alike. That is why the driver ignores SIGINT and SIGQUIT, and
  the conductor ignores SIGTSTP (SIG_IGN).
"""
import os
import signal

from lab_say import say


def conductor():
    driver = os.getppid()

    def on_sigint(signum, frame):
        say("conductor: SIGINT, telling the driver to go (SIGUSR1)")
        os.kill(driver, signal.SIGUSR1)

    def on_sigquit(signum, frame):
        say("conductor: SIGQUIT, telling the driver to warn (SIGUSR2)")
        os.kill(driver, signal.SIGUSR2)

    def on_sigusr1(signum, frame):
        say("conductor: 到站了，下车吧")
        os._exit(0)  # the conductor gets off first

    signal.signal(signal.SIGINT, on_sigint)
    signal.signal(signal.SIGQUIT, on_sigquit)
    signal.signal(signal.SIGUSR1, on_sigusr1)
    # Ctrl+Z is meant for the driver: the conductor ignores it.
    signal.signal(signal.SIGTSTP, signal.SIG_IGN)
    say("conductor: on board (driver is {driver})", driver=driver)
    while True:
        signal.pause()  # sleep until a signal comes and its handler has run


def driver(conductor_pid):
    def on_sigusr1(signum, frame):
        say("driver: 老司机开车了")

    def on_sigusr2(signum, frame):
        say("driver: 系好安全带，小心甩出去")

    def on_sigtstp(signum, frame):
        say("driver: SIGTSTP, next stop (SIGUSR1 to the conductor)")
        os.kill(conductor_pid, signal.SIGUSR1)

    signal.signal(signal.SIGUSR1, on_sigusr1)
    signal.signal(signal.SIGUSR2, on_sigusr2)
    signal.signal(signal.SIGTSTP, on_sigtstp)
    say("driver: ready (conductor is {conductor})", conductor=conductor_pid)
    # Blocks until the conductor exits; the handlers still run meanwhile.
    os.waitpid(conductor_pid, 0)
    say("driver: the conductor got off first; I am leaving too")


# Ctrl+C and Ctrl+\ must never end the driver, even right at the start:
# ignore them before fork(). The conductor inherits SIG_IGN, then sets its
# own handlers.
signal.signal(signal.SIGINT, signal.SIG_IGN)
signal.signal(signal.SIGQUIT, signal.SIG_IGN)
pid = os.fork()
if pid == 0:
    conductor()
else:
    driver(pid)

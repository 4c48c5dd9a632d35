"""states tour: one process goes through R (running), S (sleeping),
T (stopped) and Z (zombie).

What to watch for: select the tour process (the child) and keep your eye on
its state letter.
- R: it counts as fast as it can for 3 s (on the CPU, or ready for it).
- S: it sleeps 4 s in time.sleep(), waiting for a timer.
- T: it stops itself with SIGSTOP; its parent sends SIGCONT 4 s later.
- Z: it exits with status 3, and its parent never collects it: a zombie
  holding exit status 3, until the parent ends and init (or a subreaper)
  adopts and reaps it.
"""
import os
import signal
import time

from lab_say import say


def tour():
    say("tour: R, running: counting as fast as I can for 3 s")
    count = 0
    end = time.monotonic() + 3
    while time.monotonic() < end:
        count += 1
    say("tour: counted to {count}. S, sleeping: waiting 4 s for a timer",
        count=count)
    time.sleep(4)
    say("tour: T, stopped: I send myself SIGSTOP; my parent sends SIGCONT")
    # SIGSTOP cannot be caught: the kernel stops us right here.
    os.kill(os.getpid(), signal.SIGSTOP)
    say("tour: continued; I exit with status 3, and nobody collects me: Z")
    os._exit(3)


pid = os.fork()
if pid == 0:
    tour()
say("parent: the tour is process {pid}", pid=pid)
# WUNTRACED: return when the child *stops*. That reports the stop and
# collects nothing.
os.waitpid(pid, os.WUNTRACED)
time.sleep(4)
say("parent: SIGCONT to the tour (os.kill)")
os.kill(pid, signal.SIGCONT)
say("parent: I never call os.wait() for it; when I end in 30 s,"
    " init adopts the zombie and reaps it")
time.sleep(30)

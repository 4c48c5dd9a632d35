"""zombie cure 2: ignore SIGCHLD.

What to watch for: the parent sets SIGCHLD to SIG_IGN with signal.signal().
That tells the kernel the parent will never wait, so the kernel reaps each
child the moment it exits: no zombie (Z) ever appears. The price: the exit
status is thrown away, and a later os.wait() finds nothing to collect.
"""
import os
import signal
import time

from lab_say import say

# Before fork(): no child of ours can become a zombie.
signal.signal(signal.SIGCHLD, signal.SIG_IGN)
pid = os.fork()
if pid == 0:
    say("child: exiting now with status 7")
    os._exit(7)
say("parent: SIGCHLD is ignored; child {pid} will not become a zombie",
    pid=pid)
time.sleep(2)
try:
    os.wait()
except ChildProcessError as error:
    # ECHILD: the kernel already reaped it, status and all.
    say("parent: os.wait() found nothing to collect ({reason})",
        reason=error.strerror)
time.sleep(600)

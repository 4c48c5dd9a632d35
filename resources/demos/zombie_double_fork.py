"""zombie cure 3: the double fork (二级子进程).

What to watch for: the parent forks a short-lived child, which forks the
real worker (the grandchild) and exits at once. The parent collects the
short-lived child with os.waitpid(), so it leaves no zombie. The grandchild
is now an orphan: init (or the nearest subreaper) adopts it and will reap it
when it ends. The parent never has to wait for the worker.
"""
import os
import time

from lab_say import say

pid = os.fork()
if pid == 0:
    # The short-lived child: fork the worker, then leave at once.
    short_lived = os.getpid()
    if os.fork() == 0:
        while os.getppid() == short_lived:  # until the short-lived one is gone
            time.sleep(0.05)
        say("grandchild: my parent is now {parent};"
            " I work 5 s and exit with status 7", parent=os.getppid())
        time.sleep(5)
        os._exit(7)
    os._exit(0)

os.waitpid(pid, 0)  # collect the short-lived child at once: no zombie stays
say("parent: the short-lived child {pid} has exited and been collected;"
    " I never wait again", pid=pid)
time.sleep(600)

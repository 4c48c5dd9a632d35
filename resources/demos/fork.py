"""fork: one parent, two children.

What to watch for:
- os.fork() returns twice: 0 in the child, and the child's pid in the
  parent. Both numbers printed below come straight from the call.
- The two children appear under their parent in the tree.
- Each child ends with its own exit status, 1 and 2. The parent is slow to
  call os.wait() on purpose: until it does, a finished child is a zombie (Z)
  that keeps its exit status, and the timeline shows that status.
"""
import os
import time

from lab_say import say

say("parent: I am {me}, my parent is {parent}",
    me=os.getpid(), parent=os.getppid())
for n in (1, 2):
    pid = os.fork()  # from here on, two processes run this same code
    if pid == 0:
        # In the child fork() returned 0; its parent called fork().
        say("child {n}: fork() returned {pid};"
            " I am {me}, my parent is {parent}",
            n=n, pid=pid, me=os.getpid(), parent=os.getppid())
        time.sleep(6 * n)
        say("child {n}: exiting with status {n}", n=n)
        os._exit(n)  # a forked child leaves with os._exit(): no cleanup
    say("parent: fork() returned {pid} (the pid of child {n})", pid=pid, n=n)

# Slow on purpose: a child that has ended stays a zombie until collected.
say("parent: I call os.wait() in 15 s")
time.sleep(15)
for _ in range(2):
    pid, status = os.wait()  # blocks until a child ends; collects its status
    if os.WIFEXITED(status):
        say("parent: os.wait() returned ({pid}, {status}): exit status {code}",
            pid=pid, status=status, code=os.WEXITSTATUS(status))
    else:
        say("parent: os.wait() returned ({pid}, {status}):"
            " killed by signal {signal}",
            pid=pid, status=status, signal=os.WTERMSIG(status))
say("parent: both children are collected; exiting")

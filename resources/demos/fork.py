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


def say(text):
    # Every line starts with [pid], so the lab can tell who printed it.
    print(f"[{os.getpid()}] {text}", flush=True)


say(f"parent: I am {os.getpid()}, my parent is {os.getppid()}")
for n in (1, 2):
    pid = os.fork()  # from here on, two processes run this same code
    if pid == 0:
        # In the child fork() returned 0; its parent called fork().
        me, parent = os.getpid(), os.getppid()
        say(f"child {n}: fork() returned {pid};"
            f" I am {me}, my parent is {parent}")
        time.sleep(6 * n)
        say(f"child {n}: exiting with status {n}")
        os._exit(n)  # a forked child leaves with os._exit(): no cleanup
    say(f"parent: fork() returned {pid} (the pid of child {n})")

# Slow on purpose: a child that has ended stays a zombie until collected.
say("parent: I call os.wait() in 15 s")
time.sleep(15)
for _ in range(2):
    pid, status = os.wait()  # blocks until a child ends; collects its status
    if os.WIFEXITED(status):
        how = f"exit status {os.WEXITSTATUS(status)}"
    else:
        how = f"killed by signal {os.WTERMSIG(status)}"
    say(f"parent: os.wait() returned ({pid}, {status}): {how}")
say("parent: both children are collected; exiting")

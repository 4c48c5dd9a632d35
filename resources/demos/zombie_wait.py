"""zombie cure 1: the parent collects its child with os.waitpid().

What to watch for: the child works 1 s and exits with status 7. Its parent
is busy and checks on it only every 6 s, with os.waitpid(pid, os.WNOHANG),
which never blocks: (0, 0) means "nothing to collect yet". Between the
child's exit and the next check the child is a zombie (Z); the check
collects its status, and the zombie is gone while the parent lives on.
"""
import os
import time

from lab_say import say

pid = os.fork()
if pid == 0:
    say("child: working 1 s, then exiting with status 7")
    time.sleep(1)
    os._exit(7)

say("parent: fork() returned {pid}; I check on it every 6 s", pid=pid)
while True:
    # WNOHANG: answer at once, never block.
    done, status = os.waitpid(pid, os.WNOHANG)
    if done == 0:
        say("parent: os.waitpid() returned (0, 0): nothing to collect yet")
        time.sleep(6)  # back to my own work
        continue
    say("parent: os.waitpid() returned ({done}, {status}):"
        " exit status {code}; the zombie is gone",
        done=done, status=status, code=os.WEXITSTATUS(status))
    break
say("parent: I keep running; no zombie is left under me")
time.sleep(600)

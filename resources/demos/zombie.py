"""zombie: a parent that never waits.

What to watch for: the child exits at once with status 7, but its parent
never calls os.wait(). The child stays in the table as a zombie (state Z,
<defunct>): it is dead, and keeps only its exit status (7) for its parent.
SIGKILL cannot remove it; only its parent can collect it, or init once the
parent is gone.
"""
import os
import time

from lab_say import say

say("parent: I am {me}", me=os.getpid())
pid = os.fork()
if pid == 0:
    say("child: exiting now with status 7, but my parent will not wait for me")
    os._exit(7)
say("parent: started child {pid}; now I only sleep, never calling os.wait()",
    pid=pid)
time.sleep(600)

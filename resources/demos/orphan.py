"""orphan: the parent exits first (孤儿进程).

What to watch for: after 3 s the parent exits and leaves its child running.
The child becomes an orphan and is adopted by init (PID 1) or the nearest
"subreaper": os.getppid() changes under it, and the timeline shows the
reparenting. Its new parent will collect its exit status.
"""
import os
import time

from lab_say import say

say("parent: I am {me}", me=os.getpid())
pid = os.fork()
if pid == 0:
    say("child: my parent is {parent}", parent=os.getppid())
    for _ in range(30):
        time.sleep(1)
        say("child: my parent is now {parent}", parent=os.getppid())
    os._exit(0)
say("parent: started child {pid}; I exit in 3 s and leave it behind",
    pid=pid)
time.sleep(3)
say("parent: exiting now")

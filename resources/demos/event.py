"""Event: three workers wait in wait() until the parent calls set().

What to watch for:
- The workers sleep in state S for 8 s, then all wake at once, from one
  set() called in another process.
- An Event is a shared flag: wait() blocks while it is clear, set() raises
  it for everyone, clear() would lower it again. is_set() reads it.
"""
import os
import time
from multiprocessing import Event, Process, set_start_method

from lab_say import say

WAIT_SECONDS = 8


def worker(start):
    say("worker: wait(): is_set() = {is_set}, so I sleep",
        is_set=start.is_set())
    began = time.monotonic()
    start.wait()  # blocks (state S) while the event is clear
    waited = time.monotonic() - began
    say("worker: woken after {waited:.1f} s; is_set() = {is_set}",
        waited=waited, is_set=start.is_set())


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course
    start = Event()  # starts clear
    workers = [Process(target=worker, args=(start,)) for _ in range(3)]
    for w in workers:
        w.start()
    say("parent: workers {pids} are waiting; I call set() in {seconds} s",
        pids=[w.pid for w in workers], seconds=WAIT_SECONDS)
    time.sleep(WAIT_SECONDS)
    start.set()  # every process blocked in wait() wakes up
    say("parent: set() called")
    for w in workers:
        w.join()
    say("parent: all workers have ended")

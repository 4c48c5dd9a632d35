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

WAIT_SECONDS = 8


def say(text):
    # Every line starts with [pid], so the lab can tell who printed it.
    print(f"[{os.getpid()}] {text}", flush=True)


def worker(start):
    say(f"worker: wait(): is_set() = {start.is_set()}, so I sleep")
    began = time.monotonic()
    start.wait()  # blocks (state S) while the event is clear
    waited = time.monotonic() - began
    say(f"worker: woken after {waited:.1f} s; is_set() = {start.is_set()}")


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course
    start = Event()  # starts clear
    workers = [Process(target=worker, args=(start,)) for _ in range(3)]
    for w in workers:
        w.start()
    say(f"parent: workers {[w.pid for w in workers]} are waiting; "
        f"I call set() in {WAIT_SECONDS} s")
    time.sleep(WAIT_SECONDS)
    start.set()  # every process blocked in wait() wakes up
    say("parent: set() called")
    for w in workers:
        w.join()
    say("parent: all workers have ended")

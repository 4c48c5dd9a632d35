"""Event: three workers wait in wait() until the parent calls set().

What to watch for:
- The workers sleep in state S for 8 s, then all wake at once, from one set() called in
  another process.
- An Event is a shared flag: wait() blocks while it is clear, set() raises it for everyone,
  clear() would lower it again. is_set() reads it.
"""
import os
import time
from multiprocessing import Event, Process, set_start_method

WAIT_SECONDS = 8


def say(text):
    # Every line starts with [pid], so the lab can tell which process printed it.
    print(f"[{os.getpid()}] {text}", flush=True)


def worker(start):
    say(f"worker: wait(): is_set() = {start.is_set()}, so I sleep until someone calls set()")
    began = time.monotonic()
    start.wait()  # blocks (state S) while the event is clear
    say(f"worker: woken after {time.monotonic() - began:.1f} s; is_set() = {start.is_set()}")


if __name__ == "__main__":
    set_start_method("fork")  # children are forked copies, as with os.fork() in the course
    start = Event()  # starts clear
    workers = [Process(target=worker, args=(start,)) for _ in range(3)]
    for w in workers:
        w.start()
    say(f"parent: workers {[w.pid for w in workers]} are waiting; I call set() in {WAIT_SECONDS} s")
    time.sleep(WAIT_SECONDS)
    start.set()  # every process blocked in wait() wakes up
    say("parent: set() called")
    for w in workers:
        w.join()
    say("parent: all workers have ended")

"""Shared memory: four processes add 1 to one shared Value, without a lock and with one.

What to watch for:
- Without the lock the total falls short: two processes read the same old value, both write
  old + 1, and one update is lost. The number lost is printed.
- With the lock (get_lock()) only one process at a time runs the critical section: exact.
- The Array holds each worker's own count: nobody else writes its slot, so it needs no lock.
"""
import os
from multiprocessing import Array, Process, Value, set_start_method

WORKERS = 4
TIMES = 300_000


def say(text):
    # Every line starts with [pid], so the lab can tell which process printed it.
    print(f"[{os.getpid()}] {text}", flush=True)


def add_without_lock(total, counts, slot):
    raw = total.get_obj()  # the shared int itself, bypassing its lock
    for _ in range(TIMES):
        raw.value += 1  # read, add, write: another process can write in between
        counts[slot] += 1


def add_with_lock(total, counts, slot):
    for _ in range(TIMES):
        with total.get_lock():  # one process at a time in this critical section
            total.value += 1
        counts[slot] += 1


def race(add):
    total = Value("i", 0)  # one C int in shared memory, visible to every child
    # One int per worker in shared memory. Each slot has one writer only: no lock needed.
    counts = Array("i", WORKERS, lock=False)
    workers = [Process(target=add, args=(total, counts, slot)) for slot in range(WORKERS)]
    for w in workers:
        w.start()
    say(f"parent: {add.__name__}: workers {[w.pid for w in workers]} each add 1, {TIMES} times")
    for w in workers:
        w.join()
    expected = sum(counts)
    say(f"parent: {add.__name__}: the workers counted {counts[:]} in the Array")
    say(f"parent: {add.__name__}: expected {expected}, total {total.value}, lost {expected - total.value}")


if __name__ == "__main__":
    set_start_method("fork")  # children are forked copies, as with os.fork() in the course
    race(add_without_lock)
    race(add_with_lock)

"""Shared memory: four processes add 1 to one shared Value, without a lock
and with one.

What to watch for:
- Without the lock the total falls short: two processes read the same old
  value, both write old + 1, and one update is lost. The loss is printed.
- With the lock (get_lock()) one process at a time runs the critical
  section: the total is exact.
- The Array holds each worker's own count: nobody else writes its slot, so
  it needs no lock.
"""
import os
from multiprocessing import Array, Process, Value, set_start_method

from lab_say import say

WORKERS = 4
TIMES = 300_000


def add_without_lock(total, counts, slot):
    raw = total.get_obj()  # the shared int itself, bypassing its lock
    for _ in range(TIMES):
        raw.value += 1  # read, add, write: another process can write between
        counts[slot] += 1


def add_with_lock(total, counts, slot):
    for _ in range(TIMES):
        with total.get_lock():  # one process at a time in here
            total.value += 1
        counts[slot] += 1


def race(add):
    total = Value("i", 0)  # one C int in shared memory, seen by every child
    # One int per worker in shared memory; one writer per slot: no lock.
    counts = Array("i", WORKERS, lock=False)
    workers = [Process(target=add, args=(total, counts, slot))
               for slot in range(WORKERS)]
    for w in workers:
        w.start()
    name = add.__name__
    say("parent: {name}: workers {pids} each add 1, {times} times",
        name=name, pids=[w.pid for w in workers], times=TIMES)
    for w in workers:
        w.join()
    expected = sum(counts)
    say("parent: {name}: the workers counted {counts} in the Array",
        name=name, counts=counts[:])
    say("parent: {name}: expected {expected}, total {total}, lost {lost}",
        name=name, expected=expected, total=total.value,
        lost=expected - total.value)


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course
    race(add_without_lock)
    race(add_with_lock)

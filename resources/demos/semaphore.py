"""Semaphore: six workers want the room, Semaphore(2) lets at most two in at
a time.

What to watch for:
- "Inside now" is never above 2.
- The others wait in acquire(), state S, until a worker inside calls
  release().
- get_value() is the number of free places left.
"""
import os
import time
from multiprocessing import Process, Semaphore, Value, set_start_method

from lab_say import say

PLACES = 2
WORKERS = 6


def worker(room, inside, most):
    say("worker: waiting at the door: acquire()")
    room.acquire()  # takes a place; blocks while get_value() is 0
    # The counter is shared memory too: it needs its own lock.
    with inside.get_lock():
        inside.value += 1
        most.value = max(most.value, inside.value)
        say("worker: in. Inside now: {inside}; free places: {free}",
            inside=inside.value, free=room.get_value())
    time.sleep(3)
    with inside.get_lock():
        inside.value -= 1
        say("worker: out. Inside now: {inside}", inside=inside.value)
    room.release()  # gives the place back: one waiting worker gets in


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course
    room = Semaphore(PLACES)
    inside, most = Value("i", 0), Value("i", 0)
    workers = [Process(target=worker, args=(room, inside, most))
               for _ in range(WORKERS)]
    for w in workers:
        w.start()
    say("parent: {count} workers {pids}, Semaphore({places})",
        count=WORKERS, pids=[w.pid for w in workers], places=PLACES)
    for w in workers:
        w.join()
    say("parent: all done; the most inside at once was {most}"
        " (of {places} places)", most=most.value, places=PLACES)

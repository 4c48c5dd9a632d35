"""Nice race: busy workers at nice 0 and nice 10 compete for one CPU.

What to watch for:
- The NI column: 0 and 10 (STAT shows N for the nice ones).
- CPU%: the kernel gives a nice-0 worker about nine times the CPU time of a
  nice-10 one. Every 3 s each worker prints its nice value and its share.
- Renice a worker from the lab, and its next line changes.
- The workers are pinned to one CPU (os.sched_setaffinity): they compete
  even on a machine with idle cores, and the race never takes more than
  that one CPU. It ends by itself after 60 s.
"""
import os
import time
from multiprocessing import Process, set_start_method

from lab_say import say

RUN_SECONDS = 60
REPORT_EVERY = 3
NICENESS = (0, 0, 10, 10)  # how much each worker adds to its nice value


def spin(increment):
    os.nice(increment)  # higher nice, lower priority: "nicer" to the others
    start = time.monotonic()
    wall, cpu = start, time.process_time()
    while time.monotonic() < start + RUN_SECONDS:
        for _ in range(100_000):  # pure computation: always runnable (R)
            pass
        if time.monotonic() - wall >= REPORT_EVERY:
            share = (time.process_time() - cpu) / (time.monotonic() - wall)
            # os.getpriority reads my nice value now: a renice shows here.
            nice = os.getpriority(os.PRIO_PROCESS, 0)
            say("worker: nice {nice}, {share:.0%} of the CPU",
                nice=nice, share=share)
            wall, cpu = time.monotonic(), time.process_time()


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course
    one_cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {one_cpu})  # the children inherit it
    workers = [Process(target=spin, args=(n,)) for n in NICENESS]
    for w in workers:
        w.start()
    say("parent: workers {pids} on CPU {cpu}, for {seconds} s",
        pids=[w.pid for w in workers], cpu=one_cpu, seconds=RUN_SECONDS)
    for w in workers:
        w.join()
    say("parent: the race is over")

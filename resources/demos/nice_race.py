"""Nice race: busy workers at nice 0 and nice 10 compete for one CPU.

What to watch for:
- The NI column: 0 and 10 (STAT shows N for the nice ones).
- CPU%: the kernel gives a nice-0 worker about nine times the CPU time of a nice-10 one.
- Renice a worker from the lab, and the next report changes.
- All the workers are pinned to one CPU (os.sched_setaffinity), so they compete even on a
  machine with idle cores, and the race never takes more than that CPU. It ends after 60 s.
"""
import os
import time
from multiprocessing import Array, Process, set_start_method

RUN_SECONDS = 60
REPORT_EVERY = 3
NICENESS = (0, 0, 10, 10)  # how much each worker adds to its nice value


def say(text):
    # Every line starts with [pid], so the lab can tell which process printed it.
    print(f"[{os.getpid()}] {text}", flush=True)


def spin(cpu_seconds, slot, increment):
    os.nice(increment)  # a higher nice value is a lower priority ("nicer" to others)
    say(f"worker: nice {os.getpriority(os.PRIO_PROCESS, 0)}, spinning for {RUN_SECONDS} s")
    stop_at = time.monotonic() + RUN_SECONDS
    while time.monotonic() < stop_at:
        for _ in range(100_000):  # pure computation: always ready to run (state R)
            pass
        cpu_seconds[slot] = time.process_time()  # CPU time I have had so far


if __name__ == "__main__":
    set_start_method("fork")  # children are forked copies, as with os.fork() in the course
    one_cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {one_cpu})  # the children inherit it: all on the same CPU
    cpu_seconds = Array("d", len(NICENESS), lock=False)  # each worker writes its own slot
    workers = [Process(target=spin, args=(cpu_seconds, slot, n)) for slot, n in enumerate(NICENESS)]
    for w in workers:
        w.start()
    say(f"parent: workers {[w.pid for w in workers]} on CPU {one_cpu}; a report every {REPORT_EVERY} s")
    before = list(cpu_seconds)
    while any(w.is_alive() for w in workers):
        time.sleep(REPORT_EVERY)
        now = list(cpu_seconds)
        shares = [
            # os.getpriority reads the nice value now: a renice from the lab shows here.
            f"{w.pid} nice {os.getpriority(os.PRIO_PROCESS, w.pid)}: {100 * (b - a) / REPORT_EVERY:3.0f}% CPU"
            for w, a, b in zip(workers, before, now)
            if w.is_alive()
        ]
        before = now
        say("parent: " + " | ".join(shares))
    say("parent: the race is over")

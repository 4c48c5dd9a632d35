"""multiprocessing: Process with start, join, name, pid, is_alive, daemon.

What to watch for:
- The parent starts two workers (3 s and 6 s of work) and a daemon worker.
  start() is what creates each child process; is_alive() is True while it
  runs.
- join() blocks until that worker ends, and collects it (no zombie); then
  is_alive() is False and exitcode is its exit status.
- A worker with daemon=True never outlives its parent: when the parent
  exits, multiprocessing terminates it (SIGTERM). It says so when it
  happens.
"""
import multiprocessing
import os
import signal
import sys
import time
from multiprocessing import Process

from lab_say import say


def work(seconds):
    say("worker: working for {seconds} s (parent {parent})",
        seconds=seconds, parent=os.getppid())
    time.sleep(seconds)
    say("worker: done")


def daemon_work():
    def on_sigterm(signum, frame):
        say("daemon worker: SIGTERM, my parent is exiting (daemon=True)")
        sys.exit(0)

    signal.signal(signal.SIGTERM, on_sigterm)
    say("daemon worker: I run until my parent ends")
    while True:
        time.sleep(1)


if __name__ == "__main__":
    # Each child is a copy of the parent, as with os.fork().
    multiprocessing.set_start_method("fork")
    workers = [Process(target=work, args=(s,), name=f"worker-{s}s")
               for s in (3, 6)]
    # daemon=True must be set before start().
    helper = Process(target=daemon_work, name="daemon-worker", daemon=True)
    for p in workers + [helper]:
        p.start()
        say("parent: started {name}, pid {pid}; is_alive() = {alive}",
            name=p.name, pid=p.pid, alive=p.is_alive())
    for p in workers:
        say("parent: join(): waiting for {pid}", pid=p.pid)
        p.join()
        say("parent: join(): {pid} has ended;"
            " is_alive() = {alive}, exitcode = {code}",
            pid=p.pid, alive=p.is_alive(), code=p.exitcode)
    say("parent: exiting; multiprocessing ends daemon worker {pid}",
        pid=helper.pid)

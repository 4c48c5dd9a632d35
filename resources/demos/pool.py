"""Process pool: Pool(3) runs 12 tasks with the same 3 worker processes.

What to watch for:
- Exactly three children under this process for the whole run: the pool
  forks its workers once, before any task exists.
- The same three pids in every "task" line: a worker takes task after task
  from the pool's queue; no process is created or destroyed per task.
- apply_async() returns at once, map() waits for its results, close() takes
  no new tasks, join() waits for the workers to end.
"""
import os
import time
from multiprocessing import Pool, active_children, set_start_method

from lab_say import say

TASKS = 12


def task(n):
    # Runs in a worker: os.getpid() tells which of the three took it.
    say("worker: task {n:2} starts", n=n)
    time.sleep(5)  # long enough to SIGSTOP a worker mid-task from the lab
    return n, os.getpid()


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course
    pool = Pool(3)  # the three workers are forked now, before any task
    workers = sorted(p.pid for p in active_children())
    say("parent: Pool(3) started workers {workers}", workers=workers)

    done = []

    def progress(result):
        # apply_async's callback: runs in the parent when a result is back.
        done.append(result)
        n, pid = result
        say("parent: {done}/{tasks} done (task {n} by worker {pid})",
            done=len(done), tasks=TASKS, n=n, pid=pid)

    for n in range(1, 7):
        # apply_async puts the task in the pool's queue and returns at once.
        pool.apply_async(task, (n,), callback=progress)
    say("parent: apply_async() queued tasks 1-6 and returned at once")

    # map blocks until every task it queued has a result, in their order.
    for result in pool.map(task, range(7, TASKS + 1)):
        progress(result)
    say("parent: map() returned the results of tasks 7-12, in order")

    pool.close()  # no new tasks: the workers end once the queue is empty
    pool.join()  # wait for (reap) the three workers, like Process.join()
    say("parent: close() and join(): the workers have ended")
    used = sorted({pid for _, pid in done})
    say("parent: {tasks} tasks ran in {count} processes: {used}",
        tasks=len(done), count=len(used), used=used)

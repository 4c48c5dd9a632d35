"""Threads: one process, four threading.Thread, one memory they all share.

What to watch for:
- A single process with NLWP 5 (the main thread and four others) and the
  l flag in STAT.
- Its PCB lists the threads, by name and TID (the TIDs printed below).
- Each thread appends to the same list and sees what the others wrote:
  threads share their process's memory, unlike the child in the fork demo.
- The threads end one by one, and the thread count goes down.
"""
import os
import threading
import time

from lab_say import say

visitors = []  # one list, seen by every thread of this process
lock = threading.Lock()  # the list is a critical resource: one at a time


def name_this_thread(name):
    # Linux keeps a name per thread, which the PCB's thread list shows.
    tid = threading.get_native_id()
    try:
        with open(f"/proc/self/task/{tid}/comm", "w") as comm:
            comm.write(name)
    except OSError:
        pass  # not Linux: the thread keeps its process's name


def visit(number):
    me = threading.current_thread().name
    name_this_thread(me)
    time.sleep(number)  # one after the other: each finds those before it
    with lock:
        visitors.append(me)
        tid = threading.get_native_id()
        say("{thread} (TID {tid}): I see visitors = {visitors}",
            thread=me, tid=tid, visitors=visitors)
    time.sleep(10 + 3 * number)  # stay a while; then end one by one


say("main (TID {tid}): starting 4 threads", tid=threading.get_native_id())
threads = [threading.Thread(target=visit, args=(n,), name=f"thread-{n}")
           for n in range(1, 5)]
for t in threads:
    t.start()
for t in threads:
    t.join()  # like Process.join(): wait for the thread to end
    say("main: join(): {thread} has ended; threads left: {left}",
        thread=t.name, left=threading.active_count())
say("main: every thread wrote to the same list: {visitors}", visitors=visitors)

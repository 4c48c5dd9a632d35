"""Message queue: a bounded multiprocessing.Queue between a producer and a
consumer.

What to watch for:
- The consumer starts late: the queue fills up and the producer waits in
  put(), state S.
- The producer pauses: the queue empties and the consumer waits in get(),
  state S.
- qsize(), full() and empty() say why each one waits.
"""
import os
import time
from multiprocessing import Process, Queue, set_start_method

from lab_say import say

ITEMS = 6


def producer(q):
    for n in range(1, ITEMS + 1):
        if q.full():
            say("producer: full() is True (qsize() = {size}):"
                " put({n}) blocks until a get()", size=q.qsize(), n=n)
        q.put(n)  # blocks while the queue holds maxsize messages
        say("producer: put({n}); qsize() = {size}", n=n, size=q.qsize())
    say("producer: pausing 8 s before the last message")
    time.sleep(8)
    q.put("done")


def consumer(q):
    say("consumer: busy for 6 s before my first get()")
    time.sleep(6)
    while True:
        if q.empty():
            say("consumer: empty() is True: get() blocks until a put()")
        message = q.get()  # blocks while the queue is empty
        say("consumer: get() returned {message!r}; qsize() = {size}",
            message=message, size=q.qsize())
        if message == "done":
            return
        time.sleep(0.5)


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course
    q = Queue(maxsize=3)  # bounded: at most 3 messages wait in it
    p = Process(target=producer, args=(q,))
    c = Process(target=consumer, args=(q,))
    p.start()
    c.start()
    say("parent: producer {producer}, consumer {consumer}, Queue(maxsize=3)",
        producer=p.pid, consumer=c.pid)
    p.join()
    c.join()
    say("parent: both have ended")

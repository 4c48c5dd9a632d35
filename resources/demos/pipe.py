"""Pipe: a one-way and a two-way multiprocessing.Pipe, and a broken pipe.

What to watch for:
- One-way: the parent waits in recv(), state S (sleeping), for the 6 s
  until its child sends.
- Two-way: both ends send and receive.
- Broken pipe: recv() raises EOFError once every writer is gone, and send()
  raises BrokenPipeError once every reader is gone.
"""
import os
import time
from multiprocessing import Pipe, Process, set_start_method

from lab_say import say


def slow_writer(writer):
    say("child: I send in 6 s; my parent sleeps in recv() (state S)")
    time.sleep(6)
    writer.send("hello through the pipe")


def answerer(end):
    question = end.recv()  # a two-way end can recv...
    say("child: recv() returned {question!r}; I send back {answer!r}",
        question=question, answer=question.upper())
    end.send(question.upper())  # ...and send


def leaver(end):
    say("child: I exit without using my end: exiting closes it")


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course

    # 1. One-way: Pipe(duplex=False) returns (read end, write end).
    reader, writer = Pipe(duplex=False)
    child = Process(target=slow_writer, args=(writer,))
    child.start()
    say("parent: recv() on an empty pipe blocks until the writer sends...")
    say("parent: recv() returned {message!r}", message=reader.recv())
    child.join()

    # 2. Two-way: Pipe() is duplex, both ends can send and recv.
    mine, theirs = Pipe()
    child = Process(target=answerer, args=(theirs,))
    child.start()
    mine.send("ping")
    say("parent: I sent 'ping'; recv() returned {answer!r}",
        answer=mine.recv())
    child.join()

    # 3. Every writer gone: recv() raises EOFError. The parent first closes
    # its own copy of the write end, or it would still count as a writer
    # and recv() would wait forever.
    reader, writer = Pipe(duplex=False)
    child = Process(target=leaver, args=(writer,))
    child.start()
    writer.close()
    try:
        reader.recv()
    except EOFError:
        say("parent: recv() raised EOFError: writer {pid} is gone",
            pid=child.pid)
    child.join()

    # 4. Every reader gone: send() raises BrokenPipeError (EPIPE).
    reader, writer = Pipe(duplex=False)
    child = Process(target=leaver, args=(reader,))
    child.start()
    reader.close()
    child.join()  # until the child, and its copy of the read end, are gone
    try:
        writer.send("anyone there?")
    except BrokenPipeError as error:
        say("parent: send() raised BrokenPipeError ({reason}):"
            " reader {pid} is gone", reason=error.strerror, pid=child.pid)

"""File halves, the course's homework: the parent copies the first half of a
file and its child the second half, into one new file; then the parent
checks the copy.

What to watch for:
- Both processes write at once, each printing its progress.
- Each opens the files itself, after fork: a file opened before fork() would
  share one read/write position between parent and child.
- os.path.getsize() gives the size, seek() jumps to the half. The copy is
  identical to the source.
"""
import os
import signal
import sys
import tempfile
import time

from lab_say import say

CHUNK = 4096
LINE = "the quick brown fox jumps over the lazy dog"


def copy(source, target, start, end):
    """Copies bytes start-end; yields how far it got after each chunk."""
    with open(source, "rb") as src, open(target, "r+b") as dst:
        src.seek(start)  # each process jumps to its own half...
        dst.seek(start)  # ...and writes it at the same place in the copy
        while src.tell() < end:
            dst.write(src.read(min(CHUNK, end - src.tell())))
            yield src.tell()
            time.sleep(1)  # slow on purpose, to watch both at work


# Stopped from the lab: exit normally, so the with block removes the folder.
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
with tempfile.TemporaryDirectory(prefix="proclab-halves-") as folder:
    source = os.path.join(folder, "source.txt")
    target = os.path.join(folder, "copy.txt")
    with open(source, "w") as f:
        f.writelines(f"line {n}: {LINE}\n" for n in range(800))
    open(target, "wb").close()  # an empty file both will write into
    size = os.path.getsize(source)
    half = size // 2
    say("parent: {source} has {size} bytes;"
        " I copy 0-{half}, my child {half}-{size}",
        source=source, size=size, half=half)

    pid = os.fork()
    if pid == 0:
        # The folder is the parent's to remove.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        for done in copy(source, target, half, size):
            say("child: copied bytes {start}-{done} of my half",
                start=half, done=done)
        os._exit(0)
    for done in copy(source, target, 0, half):
        say("parent: copied bytes {start}-{done} of my half",
            start=0, done=done)
    os.waitpid(pid, 0)  # the copy is whole once the child has finished too
    with open(source, "rb") as a, open(target, "rb") as b:
        same = a.read() == b.read()
    say("parent: the copy has {size} bytes; identical to the source: {same}",
        size=os.path.getsize(target), same=same)

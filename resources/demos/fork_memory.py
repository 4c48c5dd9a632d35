"""fork copies memory: the child changes its copy of a list, the parent's
copy stays the same.

What to watch for:
- os.fork() returns twice: 0 in the child, the child's pid in the parent.
  Both numbers printed below come straight from the call.
- The child appears under its parent in the tree.
- Both print the list: at the same address, with different contents. After
  fork each process has its own memory: a change in one is invisible to the
  other.
- The parent's os.waitpid() collects the child's exit status, 3.
"""
import os
import time

fruits = ["apple"]  # made before fork(): the child gets a copy of it


def say(text):
    # Every line starts with [pid], so the lab can tell who printed it.
    print(f"[{os.getpid()}] {text}", flush=True)


def show():
    return f"fruits = {fruits} at address {hex(id(fruits))}"


say(f"parent: before fork, {show()}")
pid = os.fork()  # one call, two returns: one in each process
if pid == 0:
    say(f"child: os.fork() returned {pid}; my parent is {os.getppid()}")
    fruits.append("banana")  # changes the child's copy only
    say(f"child: I appended banana: {show()}")
    time.sleep(10)  # stay a while, to be seen under the parent
    say("child: exiting with status 3")
    os._exit(3)
else:
    say(f"parent: os.fork() returned {pid}: the pid of my child")
    time.sleep(2)  # give the child time to change its copy first
    say(f"parent: {show()}: the same address, my own copy")
    # Wait for (reap) the child, and read its exit status.
    child, status = os.waitpid(pid, 0)
    say(f"parent: waitpid() returned {child}, "
        f"exit status {os.WEXITSTATUS(status)}")
    say(f"parent: after the child has gone, fruits = {fruits}")

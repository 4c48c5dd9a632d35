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

from lab_say import say

fruits = ["apple"]  # made before fork(): the child gets a copy of it

# id(): where the list is in this process's memory.
say("parent: before fork, fruits = {fruits} at address {address}",
    fruits=fruits, address=hex(id(fruits)))
pid = os.fork()  # one call, two returns: one in each process
if pid == 0:
    say("child: os.fork() returned {pid}; my parent is {parent}",
        pid=pid, parent=os.getppid())
    fruits.append("banana")  # changes the child's copy only
    say("child: I appended banana: fruits = {fruits} at address {address}",
        fruits=fruits, address=hex(id(fruits)))
    time.sleep(10)  # stay a while, to be seen under the parent
    say("child: exiting with status 3")
    os._exit(3)
else:
    say("parent: os.fork() returned {pid}: the pid of my child", pid=pid)
    time.sleep(2)  # give the child time to change its copy first
    say("parent: fruits = {fruits} at address {address}:"
        " the same address, my own copy",
        fruits=fruits, address=hex(id(fruits)))
    # Wait for (reap) the child, and read its exit status.
    child, status = os.waitpid(pid, 0)
    say("parent: waitpid() returned {child}, exit status {code}",
        child=child, code=os.WEXITSTATUS(status))
    say("parent: after the child has gone, fruits = {fruits}", fruits=fruits)

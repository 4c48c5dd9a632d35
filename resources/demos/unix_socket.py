"""UNIX domain socket: a parent and its child talk through a socket file,
not the network.

What to watch for:
- The socket file (type s, as ls -l shows it) in a temporary folder.
- The child connects to that path and the parent accept()s; each waits in
  recv(), state S, while the other takes its time.
- Local sockets never leave the machine: no IP address, no port.
"""
import os
import signal
import socket
import stat
import sys
import tempfile
import time

from lab_say import say


def child(path):
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.connect(path)  # a path instead of (ip, port)
    for n in range(1, 4):
        time.sleep(3)  # the parent waits in recv() meanwhile
        client.sendall(f"question {n}".encode())
        answer = client.recv(1024).decode()
        say("child: sent question {n}; the parent answered {answer!r}",
            n=n, answer=answer)
    client.close()


# Stopped from the lab: exit normally, so the with block removes the folder.
signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(1))
with tempfile.TemporaryDirectory(prefix="proclab-unix-") as folder:
    path = os.path.join(folder, "demo.sock")
    server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    server.bind(path)  # creates the socket file
    server.listen(1)
    is_socket = stat.S_ISSOCK(os.stat(path).st_mode)
    say("parent: bound {path}; a socket file: {is_socket}",
        path=path, is_socket=is_socket)

    if os.fork() == 0:
        # The folder is the parent's to remove; the child is only a client.
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        server.close()
        child(path)
        os._exit(0)

    conn, _ = server.accept()  # blocks until the child connects
    while True:
        question = conn.recv(1024)  # blocks; b"" once the child has closed
        if not question:
            break
        say("parent: recv() returned {question!r}", question=question.decode())
        conn.sendall(b"answer to " + question)
    say("parent: the child closed its end; os.wait() returned {status}",
        status=os.wait())
    server.close()
    os.unlink(path)  # a socket file stays until someone removes it
    say("parent: removed {path}", path=path)

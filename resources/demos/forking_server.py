"""Forking TCP echo server: one child per connection, reaped when its client
leaves.

What to watch for:
- Three clients connect, 3 s apart, and each stays about 8 s.
- Under the server, a handler child appears for each connection and goes
  away when its client closes the connection. The server ignores SIGCHLD,
  so the kernel reaps its children: no zombies.
- It listens on 127.0.0.1 only, on a port the kernel chose, and stops after
  60 s.
"""
import os
import signal
import socket
import time
from multiprocessing import Process, set_start_method

from lab_say import say

SERVE_SECONDS = 60


def handle(conn):
    say("handler: serving {client}", client=conn.getpeername())
    while True:
        data = conn.recv(1024)  # blocks; b"" once the client has closed
        if not data:
            break
        conn.sendall(data)  # echo it back
    say("handler: my client left; exiting")


def serve(listener):
    # SIG_IGN for SIGCHLD: the kernel reaps my children, no wait() needed.
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)
    while True:
        conn, address = listener.accept()  # blocks until a client connects
        pid = os.fork()  # one child per connection
        if pid == 0:
            listener.close()  # the child serves this one client only
            handle(conn)
            os._exit(0)
        conn.close()  # the child has its own copy of the connection
        say("server: accept() from {address};"
            " os.fork() returned handler {pid}", address=address, pid=pid)


def client(port, number):
    with socket.create_connection(("127.0.0.1", port)) as s:
        for n in range(1, 5):
            s.sendall(f"message {n} from client {number}".encode())
            echo = s.recv(1024).decode()
            say("client {number}: the server echoed {echo!r}",
                number=number, echo=echo)
            time.sleep(2)
    say("client {number}: closed the connection", number=number)


if __name__ == "__main__":
    set_start_method("fork")  # children are os.fork() copies, as in the course
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Loopback only. Port 0: the kernel picks a free port.
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    port = listener.getsockname()[1]
    server = Process(target=serve, args=(listener,))
    server.start()
    say("launcher: server {server} listens on 127.0.0.1:{port}"
        " for {seconds} s",
        server=server.pid, port=port, seconds=SERVE_SECONDS)
    clients = []
    for number in range(1, 4):
        time.sleep(3)
        clients.append(Process(target=client, args=(port, number)))
        clients[-1].start()
    for c in clients:
        c.join()
    server.join(timeout=SERVE_SECONDS - 25)  # time left for you to connect
    server.terminate()
    say("launcher: the server has stopped")

"""select server: one process serves several clients at once, with no
children.

What to watch for:
- The server has no child processes, yet three clients (3 s apart, each
  staying about 8 s) are served at the same time.
- select.select() blocks until one of the sockets it watches is ready, and
  the server handles just that one: IO multiplexing in a single process.
- It listens on 127.0.0.1 only, on a port the kernel chose, and stops after
  60 s.
"""
import os
import select
import socket
import time
from multiprocessing import Process, set_start_method

from lab_say import say

SERVE_SECONDS = 60


def serve(listener):
    watched = [listener]  # select's rlist: the sockets we wait to read
    while True:
        ready, _, _ = select.select(watched, [], [])  # blocks until ready
        for sock in ready:
            if sock is listener:
                conn, address = listener.accept()  # ready: does not block
                watched.append(conn)
                say("server: accept() from {address};"
                    " clients connected: {clients}",
                    address=address, clients=len(watched) - 1)
                continue
            data = sock.recv(1024)  # ready: does not block
            if data:
                sock.sendall(data)  # echo it back
            else:
                watched.remove(sock)  # b"": this client closed its end
                sock.close()
                say("server: a client left; clients connected: {clients}",
                    clients=len(watched) - 1)


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

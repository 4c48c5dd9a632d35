"""select server: one process serves several clients at once, with no children.

What to watch for:
- The server has no child processes, yet three clients (3 s apart, each staying about 8 s)
  are served at the same time.
- select.select() blocks until one of the sockets it watches is ready, and the server
  handles just that one: IO multiplexing in a single process.
- It listens on 127.0.0.1 only, on a port the kernel chose, and stops after 60 s.
"""
import os
import select
import socket
import time
from multiprocessing import Process, set_start_method

SERVE_SECONDS = 60


def say(text):
    # Every line starts with [pid], so the lab can tell which process printed it.
    print(f"[{os.getpid()}] {text}", flush=True)


def serve(listener):
    watched = [listener]  # select's rlist: the sockets we wait to read from
    while True:
        ready, _, _ = select.select(watched, [], [])  # blocks until one is ready
        for sock in ready:
            if sock is listener:
                conn, address = listener.accept()  # ready now: does not block
                watched.append(conn)
                say(f"server: accept() from {address}; clients connected: {len(watched) - 1}")
                continue
            data = sock.recv(1024)  # ready now: does not block
            if data:
                sock.sendall(data)  # echo it back
            else:
                watched.remove(sock)  # b'': this client closed its end
                sock.close()
                say(f"server: a client left; clients connected: {len(watched) - 1}")


def client(port, number):
    with socket.create_connection(("127.0.0.1", port)) as s:
        for n in range(1, 5):
            s.sendall(f"message {n} from client {number}".encode())
            say(f"client {number}: the server echoed {s.recv(1024).decode()!r}")
            time.sleep(2)
    say(f"client {number}: closed the connection")


if __name__ == "__main__":
    set_start_method("fork")  # children are forked copies, as with os.fork() in the course
    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.bind(("127.0.0.1", 0))  # loopback only; port 0: the kernel picks a free port
    listener.listen(5)
    port = listener.getsockname()[1]
    server = Process(target=serve, args=(listener,))
    server.start()
    say(f"launcher: server {server.pid} listens on 127.0.0.1:{port} for {SERVE_SECONDS} s")
    clients = []
    for number in range(1, 4):
        time.sleep(3)
        clients.append(Process(target=client, args=(port, number)))
        clients[-1].start()
    for c in clients:
        c.join()
    server.join(timeout=SERVE_SECONDS - 25)  # time left for you to connect too
    server.terminate()
    say("launcher: the server has stopped")

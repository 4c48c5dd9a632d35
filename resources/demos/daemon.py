"""daemon: a long-lived background process with no terminal (守护进程).

What to watch for: the launcher forks a child, which forks the daemon and
exits at once (the double fork), so init (or a subreaper) adopts the daemon.
The daemon calls os.setsid(): it now leads a new session (SID = its own PID,
the s flag) with no controlling terminal (TTY ?). It lets go of the
launcher's output and writes a heartbeat to a log file instead, as daemons
do. It runs until it is sent SIGTERM (stopping the run does that), and
writes its goodbye to the log.
"""
import os
import signal
import sys
import tempfile
import time

from lab_say import line, say


def daemon(log_path):
    os.setsid()  # a new session and process group, with no terminal
    os.chdir("/")  # hold no directory busy
    # Let go of the launcher's input and output: its reader may go any time.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    log = open(log_path, "a", buffering=1)  # line-buffered: no line waits
    log.write(line("daemon: I lead session {sid}, no terminal",
                   sid=os.getsid(0)) + "\n")

    def on_sigterm(signum, frame):
        log.write(line("daemon: SIGTERM, shutting down cleanly") + "\n")
        sys.exit(0)

    signal.signal(signal.SIGTERM, on_sigterm)
    beat = 0
    while True:
        beat += 1
        log.write(line("daemon: heartbeat {beat}", beat=beat) + "\n")
        time.sleep(1)


log_path = os.path.join(tempfile.gettempdir(),
                        f"proclab-daemon-{os.getpid()}.log")
pid = os.fork()
if pid == 0:
    daemon_pid = os.fork()
    if daemon_pid == 0:
        daemon(log_path)
    say("child: started daemon {daemon}; its log is {log};"
        " exiting now, so that init adopts it",
        daemon=daemon_pid, log=log_path)
    os._exit(0)
os.waitpid(pid, 0)  # collect the short-lived child: no zombie left behind
say("launcher: exiting now; the daemon stays")

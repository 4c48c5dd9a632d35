"""ProcLab's terminal for a lab run: runs one program on a pseudo-terminal, as a terminal window's
shell with job control would, and relays the terminal to ProcLab.

    python3 proclab_pty.py ROWS COLS NAME=VALUE -- PROGRAM [ARG...]

- This helper is the session leader, with the pty as its controlling terminal (like the shell of
  a terminal window). The program runs in a process group of its own, made the terminal's
  foreground group, so Ctrl+C typed into the terminal reaches it through the kernel's line
  discipline, and its exit does not hang up the terminal for the processes it leaves behind.
- NAME=VALUE (ProcLab's run tag) is put in the program's environment only, not in this helper's.
- stdin: bytes typed into the terminal. stdout: what the terminal shows (the program's stdout and
  stderr). fd 3, both ways: ProcLab sends "go", "size ROWS COLS" and "reap" lines; this helper
  answers with JSON lines {"pid": N}, {"exec": "ok"} or {"exec": "failed", "message": M}, then
  {"exit": CODE} or {"signal": N, "core": BOOL}: the exact wait status of the program.
- The terminal is read only once ProcLab has taken what was read before, so a program that prints
  faster than ProcLab can show blocks in write(2), as on a slow terminal.
- It ends when no process holds the terminal any more, or when ProcLab goes (stdin closes).
"""

import errno
import fcntl
import json
import os
import select
import signal
import struct
import sys
import termios

CONTROL_FD = 3
READ_SIZE = 65536


def set_size(fd, rows, cols):
    # TIOCSWINSZ: the kernel sends SIGWINCH to the foreground process group (tty_ioctl(4)).
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def report(message):
    os.write(CONTROL_FD, (json.dumps(message) + "\n").encode())


def start_program(argv, env, slave, master):
    """Forks the program, held before exec until ProcLab says "go" (it must know the pid first)."""
    go_read, go_write = os.pipe()
    # Close-on-exec: end of file here means exec succeeded; bytes mean it failed (and why).
    failure_read, failure_write = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.setpgid(0, 0)
            for number in range(1, signal.NSIG):
                try:
                    signal.signal(number, signal.SIG_DFL)  # Python ignores SIGPIPE and SIGXFSZ
                except (OSError, ValueError):
                    pass
            signal.pthread_sigmask(signal.SIG_SETMASK, [])
            signal.set_wakeup_fd(-1)
            if not os.read(go_read, 1):
                os._exit(127)  # ProcLab went away before it let the program run
            for fd in (0, 1, 2):
                os.dup2(slave, fd)
            for fd in (slave, master, CONTROL_FD, go_read, go_write, failure_read):
                os.close(fd)
            os.execvpe(argv[0], argv, env)
        except OSError as error:
            os.write(failure_write, error.strerror.encode())
        os._exit(127)
    os.close(go_read)
    os.close(failure_write)
    # The program's group becomes the foreground group before it runs (as a job-control shell does).
    os.setpgid(pid, pid)
    os.tcsetpgrp(slave, pid)
    return pid, go_write, failure_read


def release(go_write, failure_read):
    os.write(go_write, b"g")
    os.close(go_write)
    failure = b""
    while True:
        chunk = os.read(failure_read, 1024)
        if not chunk:
            break
        failure += chunk
    os.close(failure_read)
    report({"exec": "failed", "message": failure.decode(errors="replace")} if failure else {"exec": "ok"})


def exit_report(pid):
    """The program's wait status, read without reaping it: ProcLab records it before it is reaped."""
    info = os.waitid(os.P_PID, pid, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    if info is None or info.si_pid == 0:
        return None
    if info.si_code == os.CLD_EXITED:
        return {"exit": info.si_status}
    return {"signal": info.si_status, "core": info.si_code == os.CLD_DUMPED}


class Relay:
    """Moves bytes between ProcLab and the terminal, one buffer each way, never more."""

    def __init__(self, master):
        self.master = master
        self.to_proclab = b""
        self.to_terminal = b""
        self.control = b""
        self.terminal_open = True
        self.proclab_open = True

    def read_terminal(self):
        """Reads what the terminal has, up to READ_SIZE (a pty gives at most a few KiB per read)."""
        chunks = []
        size = 0
        while size < READ_SIZE:
            try:
                chunk = os.read(self.master, READ_SIZE - size)
            except BlockingIOError:
                break
            except OSError as error:
                if error.errno != errno.EIO:
                    raise
                chunk = b""
            if not chunk:
                self.terminal_open = False  # EIO (Linux) or end of file: nobody holds the terminal
                break
            chunks.append(chunk)
            size += len(chunk)
        self.to_proclab = b"".join(chunks)

    def write(self, fd, data):
        try:
            return data[os.write(fd, data) :]
        except BlockingIOError:
            return data
        except BrokenPipeError:
            self.proclab_open = False
            return b""

    def read_input(self):
        self.to_terminal = os.read(0, READ_SIZE)
        if not self.to_terminal:
            self.proclab_open = False

    def read_control(self):
        """Returns the complete command lines received."""
        chunk = os.read(CONTROL_FD, 4096)
        if not chunk:
            self.proclab_open = False
        self.control += chunk
        *lines, self.control = self.control.split(b"\n")
        return [line.decode().split() for line in lines if line.strip()]


def main():
    rows, cols, tag = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    argv = sys.argv[sys.argv.index("--") + 1 :]
    name, _, value = tag.partition("=")
    env = dict(os.environ, **{name: value})

    # SIGCHLD wakes the loop below; set before the fork, so an early end is not missed.
    wake_read, wake_write = os.pipe()
    os.set_blocking(wake_write, False)
    signal.set_wakeup_fd(wake_write)
    signal.signal(signal.SIGCHLD, lambda *_: None)

    master, slave = os.openpty()
    set_size(master, rows, cols)
    os.setsid()
    fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
    pid, go_write, failure_read = start_program(argv, env, slave, master)
    # Only the program holds the terminal now: when every process that inherited it is gone,
    # reading it fails (EIO) and this helper ends.
    os.close(slave)
    for fd in (wake_read, master, 1):
        os.set_blocking(fd, False)
    report({"pid": pid})

    relay = Relay(master)
    program_running = True
    exit_reported = False
    while relay.proclab_open and (relay.terminal_open or relay.to_proclab or program_running):
        readable = [wake_read, CONTROL_FD]
        writable = []
        if relay.terminal_open and not relay.to_proclab:
            readable.append(master)
        if not relay.to_terminal:
            readable.append(0)
        if relay.to_proclab:
            writable.append(1)
        if relay.to_terminal and relay.terminal_open:
            writable.append(master)
        ready, ready_to_write, _ = select.select(readable, writable, [])
        if wake_read in ready:
            os.read(wake_read, 1024)
            status = None if exit_reported else exit_report(pid)
            if status is not None:
                report(status)
                exit_reported = True
        if master in ready:
            relay.read_terminal()
        if 0 in ready:
            relay.read_input()
        if 1 in ready_to_write:
            relay.to_proclab = relay.write(1, relay.to_proclab)
        if master in ready_to_write:
            relay.to_terminal = relay.write(master, relay.to_terminal)
        if CONTROL_FD in ready:
            for command in relay.read_control():
                if command[0] == "go" and go_write is not None:
                    release(go_write, failure_read)
                    go_write = None
                elif command[0] == "size" and relay.terminal_open:
                    set_size(master, int(command[1]), int(command[2]))
                elif command[0] == "reap" and exit_reported:
                    os.waitpid(pid, 0)
                    program_running = False


if __name__ == "__main__":
    main()

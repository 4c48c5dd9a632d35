// A small Python program (standard library only) that listens to the kernel's process events (the
// proc connector, a netlink socket: linux/cn_proc.h) and reports the forks and exits of the lab's
// processes. The kernel queues each event as it happens, so none is lost while ProcLab waits for
// the CPU. Node has no netlink sockets and native addons are out; Python's socket module has them.
// Only root (CAP_NET_ADMIN) may listen; elsewhere it says "unavailable" and ProcLab polls.
//
// stdin:  "watch <pid>" per line: follow this process and, from now on, what it forks.
// stdout: one JSON object per line:
//   {"e":"ready"} | {"e":"unavailable","why":...}
//   {"e":"fork","pid","ppid","pticks","ticks","comm","at"}   (ticks: start, clock ticks since boot)
//   {"e":"exit","pid","ticks","at"}                          (at: epoch ms)
//   {"e":"overrun"} when the socket's queue overflowed (events were lost).
export const PROC_CONNECTOR_SCRIPT = String.raw`
import errno, json, os, select, socket, struct, sys, time

NETLINK_CONNECTOR, CN_IDX_PROC, CN_VAL_PROC = 11, 1, 1
NLMSG_DONE, PROC_CN_MCAST_LISTEN = 3, 1
PROC_EVENT_NONE, PROC_EVENT_FORK, PROC_EVENT_EXIT = 0, 0x1, 0x80000000
HEADER = 16 + 20  # struct nlmsghdr, then struct cn_msg
CLK_TCK = os.sysconf('SC_CLK_TCK')
watched = {}  # pid -> start ticks, for the processes being followed
subscribed = False


def emit(**fields):
    sys.stdout.write(json.dumps(fields) + '\n')
    sys.stdout.flush()


def stat_fields(pid):
    try:
        with open('/proc/%d/stat' % pid, 'rb') as f:
            text = f.read()
        return text[text.rindex(b')') + 2:].split()
    except (OSError, ValueError):
        return None


def start_ticks(pid, event_ns):
    fields = stat_fields(pid)
    # Gone already: the event's own time is the start (both count from boot, in CLOCK_MONOTONIC).
    return int(fields[19]) if fields else event_ns * CLK_TCK // 1000000000


def comm_of(pid):
    try:
        with open('/proc/%d/comm' % pid) as f:
            return f.read().rstrip('\n')
    except OSError:
        return ''


def epoch_ms(event_ns):
    return int((time.time() - (time.monotonic_ns() - event_ns) / 1e9) * 1000)


def listen():
    sock = socket.socket(socket.AF_NETLINK, socket.SOCK_DGRAM, NETLINK_CONNECTOR)
    sock.bind((0, CN_IDX_PROC))
    try:
        sock.setsockopt(socket.SOL_SOCKET, 33, 8 << 20)  # SO_RCVBUFFORCE: room for seconds of events
    except OSError:
        pass
    op = struct.pack('=I', PROC_CN_MCAST_LISTEN)
    cn = struct.pack('=IIIIHH', CN_IDX_PROC, CN_VAL_PROC, 0, 0, len(op), 0) + op
    sock.send(struct.pack('=IHHII', 16 + len(cn), NLMSG_DONE, 0, 0, 0) + cn)
    return sock


def on_event(data):
    global subscribed
    what, _cpu, ns = struct.unpack_from('=IIQ', data, HEADER)
    body = HEADER + 16
    if what == PROC_EVENT_NONE and not subscribed:
        # The answer to our subscription (later ones answer other listeners).
        err = struct.unpack_from('=I', data, body)[0]
        if err:
            raise OSError(err, os.strerror(err))
        subscribed = True
        emit(e='ready')
    elif what == PROC_EVENT_FORK:
        _ppid, ptgid, pid, tgid = struct.unpack_from('=IIII', data, body)
        if pid == tgid and ptgid in watched:
            ticks = start_ticks(pid, ns)
            watched[pid] = ticks
            emit(e='fork', pid=pid, ppid=ptgid, pticks=watched[ptgid], ticks=ticks, comm=comm_of(pid), at=epoch_ms(ns))
    elif what == PROC_EVENT_EXIT:
        pid, tgid = struct.unpack_from('=II', data, body)
        if pid == tgid and pid in watched:
            emit(e='exit', pid=pid, ticks=watched.pop(pid), at=epoch_ms(ns))


def on_command(line):
    parts = line.split()
    if len(parts) == 2 and parts[0] == 'watch':
        fields = stat_fields(int(parts[1]))
        if fields:
            watched[int(parts[1])] = int(fields[19])


def main():
    try:
        sock = listen()
    except OSError as error:
        emit(e='unavailable', why=str(error))
        return
    pending = b''
    while True:
        ready, _, _ = select.select([sock, sys.stdin.buffer], [], [])
        if sys.stdin.buffer in ready:
            chunk = os.read(0, 65536)
            if not chunk:
                return  # ProcLab is gone
            pending += chunk
            *lines, pending = pending.split(b'\n')
            for line in lines:
                on_command(line.decode())
        if sock in ready:
            try:
                on_event(sock.recv(65536))
            except OSError as error:
                if error.errno != errno.ENOBUFS:
                    emit(e='unavailable', why=str(error))
                    return
                emit(e='overrun')


main()
`;

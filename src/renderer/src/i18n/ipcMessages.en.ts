// English texts of the IPC graph: links between processes in the run view, the PCB and the monitor.
import type { Message } from './locales';

export const ipcMessagesEn = {
  'ipc.title': 'IPC links',
  'ipc.runTitle': 'Pipes and sockets between its processes',
  'ipc.kind.pipe': 'pipe',
  'ipc.kind.fifo': 'FIFO',
  'ipc.kind.unix': 'UNIX socket',
  'ipc.kind.tcp': 'TCP socket',
  'ipc.role.reader': 'reader',
  'ipc.role.writer': 'writer',
  'ipc.role.reader-writer': 'reader and writer',
  'ipc.role.server': 'server',
  'ipc.role.client': 'client',
  'ipc.role.peer': 'peer',
  'ipc.direction.to': 'data flows from this process to the other',
  'ipc.direction.from': 'data flows from the other process to this one',
  'ipc.direction.both': 'data can flow both ways',
  'ipc.direction.shared': 'both hold the same end (inherited through fork)',
  'ipc.this': 'this process: {roles}',
  'ipc.end': '{role}, fd {fd}',
  'ipc.none': 'No pipe, FIFO or socket joins it to the {n} processes looked at.',
  'ipc.runNone': 'No pipe, FIFO or socket joins two processes of this run right now.',
  'ipc.scope':
    'Looked for among its parent, children, process group, siblings and session ({n} processes), every {s} s.',
  'ipc.unixUnpaired':
    'UNIX sockets are not paired: the kernel tells a socket’s peer only through ss (iproute2), which is not installed.',
  'ipc.truncated': 'The scan stopped at its limit: some processes were not read.',
  'ipc.loading': 'Reading /proc/PID/fd…',
  'ipc.sharedEnds': 'Ends they only share, inherited through fork ({n}): the other end is elsewhere',
  'ipc.sharedHeading': 'Shared with others: the same end, inherited through fork',
  'ipc.toggle': 'IPC links',
  'ipc.toggleHelp':
    'Show which processes share a pipe, a FIFO or a socket (read every {s} s while on; hover a row to light up its peers)',
  'ipc.treeNote': 'IPC links among the {n} processes shown',
} satisfies Record<string, Message>;

// A real python3 process that locks and unlocks one page of its memory on request (mlock(2) via ctypes).
import type { ChildProcesses } from './ChildProcesses';
import { waitFor } from './waitFor';

const SCRIPT = `
import ctypes, mmap, sys
libc = ctypes.CDLL(None, use_errno=True)
page = mmap.mmap(-1, 4096)
address = ctypes.c_void_p(ctypes.addressof(ctypes.c_char.from_buffer(page)))
print("ready", flush=True)
for line in sys.stdin:
    call = libc.mlock if line.strip() == "lock" else libc.munlock
    result = call(address, ctypes.c_size_t(4096))
    print("ok" if result == 0 else "errno %d" % ctypes.get_errno(), flush=True)
`;

export interface MemoryLocker {
  pid: number;
  /** Asks for mlock or munlock; resolves with "ok" or "errno N" (EPERM, ENOMEM where not allowed). */
  request(call: 'lock' | 'unlock'): Promise<string>;
}

export async function startMemoryLocker(children: ChildProcesses): Promise<MemoryLocker> {
  const child = children.spawn('python3', ['-c', SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let partial = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop()!;
    lines.push(...parts);
  });
  await waitFor('python3 ready', () => lines.shift() === 'ready');
  return {
    pid: child.pid,
    request: async (call) => {
      child.stdin!.write(`${call}\n`);
      return waitFor(`the answer to ${call}`, () => lines.shift());
    },
  };
}

// Reads the on-demand "PCB" of one process from /proc: status, cwd, exe, environ, fds, threads, limits.
import { readdir, readFile, readlink } from 'node:fs/promises';
import type { ProcessDetails, Readable, ThreadInfo } from '../../shared/model/ProcessDetails';
import type { ProcessRecord } from '../../shared/model/ProcessRecord';
import type { SignalDisposition, SignalInfo } from '../../shared/model/Signals';
import { decodeDispositions } from '../signals/decodeSignalMasks';
import { parseCmdline } from '../sampler/parseCmdline';
import { parseStat } from '../sampler/parseStat';
import { describeErrno, errnoCode } from './describeErrno';
import { describeFd } from './describeFd';
import { parseLimits } from './parseLimits';
import { parseStatus } from './parseStatus';

/** Never list more than this many fds or threads: a server may hold 100,000 sockets. */
const MAX_LISTED = 2_000;

async function readable<T>(read: () => Promise<T>): Promise<Readable<T>> {
  try {
    return { value: await read() };
  } catch (error) {
    const errno = errnoCode(error);
    return { unavailable: describeErrno(error), ...(errno && { errno }) };
  }
}

export async function readProcessDetails(
  record: ProcessRecord,
  table: ReadonlyMap<number, ProcessRecord>,
  ancestors: ProcessRecord[],
  clockTicks: number,
  catalog: SignalInfo[],
  procRoot = '/proc',
): Promise<Omit<ProcessDetails, 'record'>> {
  const dir = `${procRoot}/${record.pid}`;
  const [status, cwd, exe, environ, fds, threads, limits] = await Promise.all([
    readable(async () => parseStatus(await readFile(`${dir}/status`, 'utf8'))),
    readable(() => readlink(`${dir}/cwd`)),
    readable(() => readlink(`${dir}/exe`)),
    readable(async () => parseCmdline(await readFile(`${dir}/environ`, 'utf8'))),
    readable(async () => {
      const names = (await readdir(`${dir}/fd`)).slice(0, MAX_LISTED);
      const links = await Promise.all(names.map((name) => readlink(`${dir}/fd/${name}`).catch(() => null)));
      return names
        .map((name, i) => (links[i] === null ? null : describeFd(Number(name), links[i]!)))
        .filter((fd) => fd !== null)
        .sort((a, b) => a.fd - b.fd);
    }),
    readable(async () => {
      const tids = (await readdir(`${dir}/task`)).slice(0, MAX_LISTED);
      const stats = await Promise.all(tids.map((tid) => readFile(`${dir}/task/${tid}/stat`, 'utf8').catch(() => '')));
      return stats.flatMap((text): ThreadInfo[] => {
        const f = parseStat(text);
        if (!f) return [];
        const cpuTimeMs = Math.round(((f.utimeTicks + f.stimeTicks) * 1000) / clockTicks);
        return [{ tid: f.pid, comm: f.comm, state: f.state, cpuTimeMs }];
      });
    }),
    readable(async () => parseLimits(await readFile(`${dir}/limits`, 'utf8'))),
  ]);
  const signals: Readable<SignalDisposition[]> =
    'value' in status ? { value: decodeDispositions(status.value, catalog) } : status;
  const children = [...table.values()]
    .filter((row) => row.ppid === record.pid && row.pid !== record.pid)
    .sort((a, b) => a.startTime - b.startTime || a.pid - b.pid)
    .map(({ pid, comm, startTime, state }) => ({ pid, comm, startTime, state }));
  return {
    status,
    cwd,
    exe,
    environ,
    fds,
    threads,
    limits,
    signals,
    ancestors: ancestors.map(({ pid, comm, startTime }) => ({ pid, comm, startTime })),
    children,
  };
}

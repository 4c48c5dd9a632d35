// Turns kill(2) and setpriority(2) failures into coded errors in plain words, with a hint.
import os from 'node:os';
import { ProcLabFailure } from '../../shared/contract/errors';
import { errnoCode } from '../details/describeErrno';

export function me(): string {
  try {
    return os.userInfo().username;
  } catch {
    return `uid ${process.getuid?.() ?? '?'}`;
  }
}

export function killFailure(error: unknown, pid: number, owner: string, signalName: string): ProcLabFailure {
  switch (errnoCode(error)) {
    case 'EPERM':
      return new ProcLabFailure(
        'PERMISSION_DENIED',
        `process ${pid} is owned by user ${owner}; you are ${me()}, so the system refused ${signalName}`,
      );
    case 'ESRCH':
      return new ProcLabFailure('NO_SUCH_PROCESS', `process ${pid} has already exited; nothing was sent`);
    case 'EINVAL':
      return new ProcLabFailure('INVALID_ARGUMENT', `this system has no signal ${signalName}`);
    default:
      return new ProcLabFailure(
        'INTERNAL',
        `sending ${signalName} to ${pid} failed: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
}

export function reniceFailure(error: unknown, pid: number, owner: string, from: number, to: number): ProcLabFailure {
  const code = errnoCode(error);
  if (code === 'EACCES' || code === 'EPERM') {
    const why =
      to < from
        ? `raising the priority of process ${pid} (nice ${from} → ${to}) needs root or CAP_SYS_NICE; you are ${me()}`
        : `process ${pid} is owned by user ${owner}; you are ${me()}`;
    return new ProcLabFailure('PERMISSION_DENIED', why);
  }
  if (code === 'ESRCH') return new ProcLabFailure('NO_SUCH_PROCESS', `process ${pid} has already exited`);
  return new ProcLabFailure(
    'INTERNAL',
    `renice ${pid} failed: ${error instanceof Error ? error.message : String(error)}`,
  );
}

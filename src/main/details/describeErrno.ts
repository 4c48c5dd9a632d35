// Turns a Node system error into a sentence a person can read (EACCES, ESRCH, ENOENT...).

const PLAIN_WORDS: Record<string, string> = {
  EACCES: 'permission denied (another user’s process, or the kernel hides it)',
  EPERM: 'operation not permitted (owned by another user, or needs privilege)',
  ENOENT: 'the process has exited',
  ESRCH: 'the process has exited',
  EINVAL: 'invalid argument',
};

export function errnoCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

export function describeErrno(error: unknown): string {
  const code = errnoCode(error);
  return (code && PLAIN_WORDS[code]) ?? (error instanceof Error ? error.message : String(error));
}

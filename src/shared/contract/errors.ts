// Replies are values, not exceptions: every call answers ok/value or ok:false with a coded error.

export const ERROR_CODES = [
  'INVALID_MESSAGE',
  'INVALID_ARGUMENT',
  'UNKNOWN_METHOD',
  'NO_SUCH_PROCESS',
  'STALE_TARGET',
  'CONFIRMATION_REQUIRED',
  'PERMISSION_DENIED',
  'UNSUPPORTED',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ProcLabError {
  code: ErrorCode;
  message: string;
  /** Values a client needs to say the same thing in its own words (see docs/api.md). */
  details?: Record<string, string | number>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ProcLabError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, message: string, details?: ProcLabError['details']): Result<T> {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** Thrown inside the service to turn into a coded reply at the boundary. */
export class ProcLabFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ProcLabError['details'],
  ) {
    super(message);
  }
}

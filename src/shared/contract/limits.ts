// Refresh interval bounds, free of zod so the renderer can import them without the validator.

export const MIN_INTERVAL_MS = 250;
export const MAX_INTERVAL_MS = 10_000;
export const DEFAULT_INTERVAL_MS = 1_000;

/** Processes one getIpcLinks call may ask about. */
export const MAX_IPC_PIDS = 5_000;

// A small client of the contract over the WebSocket of a served ProcLab (browser mode), as any
// script would write one: calls answered by id, events to listeners.
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import type { Result } from '../../src/shared/contract/errors';

export interface WsClient {
  call(method: string, params?: object): Promise<Result<unknown>>;
  on(event: string, listener: (payload: Record<string, unknown>) => void): void;
  close(): void;
}

/** The WebSocket URL of a page URL printed by `proclab serve`. */
export function wsUrlOf(pageUrl: string): string {
  const url = new URL(pageUrl);
  return `ws://${url.host}/ws?token=${url.searchParams.get('token')}`;
}

export async function connectWs(pageUrl: string): Promise<WsClient> {
  const ws = new WebSocket(wsUrlOf(pageUrl));
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const pending = new Map<number, (reply: Result<unknown>) => void>();
  const listeners = new Map<string, ((payload: Record<string, unknown>) => void)[]>();
  const closed: Result<unknown> = { ok: false, error: { code: 'INTERNAL', message: 'the connection closed' } };
  ws.on('error', () => undefined);
  ws.on('close', () => {
    for (const resolve of pending.values()) resolve(closed);
    pending.clear();
  });
  ws.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { id?: number; event?: string; payload?: Record<string, unknown> };
    if (message.event) for (const listener of listeners.get(message.event) ?? []) listener(message.payload!);
    else if (typeof message.id === 'number') {
      pending.get(message.id)?.(message as unknown as Result<unknown>);
      pending.delete(message.id);
    }
  });
  let nextId = 1;
  return {
    call: (method, params = {}) =>
      new Promise((resolve) => {
        if (ws.readyState !== ws.OPEN) return resolve(closed);
        const id = nextId++;
        pending.set(id, resolve);
        ws.send(JSON.stringify({ id, method, params }));
      }),
    on: (event, listener) => listeners.set(event, [...(listeners.get(event) ?? []), listener]),
    close: () => ws.close(),
  };
}

/** Resident memory of a process now and at its peak, in MiB (proc_pid_status(5) VmRSS, VmHWM). */
export function residentMiB(pid: number): { now: number; peak: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? NaN) / 1024;
    return { now: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return null;
  }
}

// What the Electron stand-in tells the test that started it: one JSON line per fact on stdout.

export const REPORT_PREFIX = '@@electron-stand-in ';

export type StandInReport =
  | { type: 'ready'; cdpEndpoint: string; chromiumPid: number; userDataDir: string }
  | { type: 'app-event'; name: string }
  | { type: 'window-created'; id: number; options: Record<string, unknown> }
  | { type: 'loaded'; webContentsId: number; url: string }
  | { type: 'console-error'; webContentsId: number; text: string }
  | { type: 'window-open'; url: string; action: string }
  | { type: 'will-navigate'; url: string; prevented: boolean }
  | { type: 'session-probe'; hook: string; answer: unknown };

export function report(fact: StandInReport): void {
  process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(fact)}\n`);
}

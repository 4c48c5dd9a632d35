// The rows of `npm run bench:peers`: figures per process count, ratios to btop and htop, and the targets.
import { mb, ms, type Row } from './table';
import type { CostWindow, SizeResult } from './userCostBench';

const pct = (n: number | null) => (n === null || Number.isNaN(n) ? '-' : `${n.toFixed(2)}%`);
const ratio = (n: number | null) => (n === null || Number.isNaN(n) ? '-' : `${n.toFixed(2)}x`);
const ours = (w: CostWindow) => w.server + w.renderer;
const over = (a: number, b: number | null) => (b ? a / b : null);

export function peerRows(results: SizeResult[]): Row[] {
  const at = (idle: number) => results.find((r) => r.idle === idle);
  const each = (format: (r: SizeResult) => string) => results.map(format);
  const all = (test: (r: SizeResult) => boolean | null) => {
    const verdicts = results.map(test).filter((v): v is boolean => v !== null);
    return verdicts.length === 0 ? null : verdicts.every(Boolean);
  };
  const churned = (format: (w: CostWindow, r: SizeResult) => string) =>
    each((r) => (r.churn ? format(r.churn, r) : ''));
  const perProcess = (r: SizeResult | undefined) => (r ? ours(r.quiet) / r.processes : NaN);
  const growth = perProcess(at(10_000)) / perProcess(at(1000));
  const memory = results.find((r) => r.churnMemory)?.churnMemory ?? null;
  const rssChange = memory ? memory.rssEnd / memory.rssStart - 1 : NaN;
  const frames = (r: SizeResult) => r.longFrames.length;
  const worstFrame = (r: SizeResult) => Math.max(0, ...r.longFrames);

  return [
    { metric: 'processes on the machine', values: each((r) => String(r.processes)), target: '', pass: null },
    { metric: 'load average (1 min) meanwhile', values: each((r) => r.loadAverage.toFixed(1)), target: '', pass: null },
    { metric: 'quiet: server CPU', values: each((r) => pct(r.quiet.server)), target: '', pass: null },
    { metric: 'quiet: renderer process CPU', values: each((r) => pct(r.quiet.renderer)), target: '', pass: null },
    { metric: 'quiet: Chromium, whole tree', values: each((r) => pct(r.quiet.chromium)), target: '', pass: null },
    { metric: 'quiet: btop (1 s)', values: each((r) => pct(r.quiet.btop)), target: '', pass: null },
    { metric: 'quiet: htop -d 10', values: each((r) => pct(r.quiet.htop)), target: '', pass: null },
    {
      metric: 'quiet: (server + renderer) / btop',
      values: each((r) => ratio(over(ours(r.quiet), r.quiet.btop))),
      target: '<= 1',
      pass: all((r) => (r.quiet.btop ? ours(r.quiet) <= r.quiet.btop : null)),
    },
    {
      metric: 'quiet: (server + renderer) / htop',
      values: each((r) => ratio(over(ours(r.quiet), r.quiet.htop))),
      target: '',
      pass: null,
    },
    { metric: 'churn: server CPU', values: churned((w) => pct(w.server)), target: '', pass: null },
    { metric: 'churn: renderer process CPU', values: churned((w) => pct(w.renderer)), target: '', pass: null },
    { metric: 'churn: Chromium, whole tree', values: churned((w) => pct(w.chromium)), target: '', pass: null },
    { metric: 'churn: btop', values: churned((w) => pct(w.btop)), target: '', pass: null },
    { metric: 'churn: htop', values: churned((w) => pct(w.htop)), target: '', pass: null },
    {
      metric: 'churn: (server + renderer) / btop',
      values: churned((w) => ratio(over(ours(w), w.btop))),
      target: '<= 1 at 1,000',
      pass: at(1000)?.churn?.btop ? ours(at(1000)!.churn!) <= at(1000)!.churn!.btop! : null,
    },
    {
      metric: 'renderer CPU, churn / quiet',
      values: churned((w, r) => ratio(w.renderer / r.quiet.renderer)),
      target: '<= 1.5',
      pass: all((r) => (r.churn ? r.churn.renderer <= 1.5 * r.quiet.renderer : null)),
    },
    {
      metric: 'renderer main thread busy, quiet / churn',
      values: each(
        (r) =>
          `${r.quiet.rendererBusyMsPerSecond.toFixed(0)}${r.churn ? ` / ${r.churn.rendererBusyMsPerSecond.toFixed(0)}` : ''} ms/s`,
      ),
      target: '',
      pass: null,
    },
    {
      metric: 'DOM nodes, quiet / churn',
      values: each((r) => `${r.quiet.domNodes}${r.churn ? ` / ${r.churn.domNodes}` : ''}`),
      target: '',
      pass: null,
    },
    {
      metric: 'renderer CPU, live updates paused (nothing in view changes)',
      values: each((r) => pct(r.pausedRenderer)),
      target: '< 1%',
      pass: all((r) => r.pausedRenderer < 1),
    },
    {
      metric: 'renderer CPU, paused, one word changed a second (what one frame a second costs)',
      values: each((r) => pct(r.oneFrameRenderer)),
      target: '',
      pass: null,
    },
    {
      metric: `page RSS, start of churn -> after ${memory?.minutes ?? '-'} min (peak)`,
      values: each((r) =>
        r.churnMemory
          ? `${mb(r.churnMemory.rssStart)} -> ${mb(r.churnMemory.rssEnd)} (${mb(r.churnMemory.rssPeak)})`
          : '',
      ),
      target: '±10%',
      pass: memory ? Math.abs(rssChange) <= 0.1 : null,
    },
    {
      metric: 'page JS heap, start of churn -> end',
      values: each((r) => (r.churnMemory ? `${mb(r.churnMemory.heapStart)} -> ${mb(r.churnMemory.heapEnd)}` : '')),
      target: '',
      pass: null,
    },
    {
      metric: 'server RSS, page attached',
      values: each((r) => mb(r.serverRss)),
      target: '<= 80 MiB at 5,000',
      pass: at(5000) ? at(5000)!.serverRss <= 80 * 2 ** 20 : null,
    },
    {
      // Not in the RSS above: a /proc file open (kept to re-read it with one pread) holds a kernel page.
      metric: 'server: /proc files kept open, kernel memory they hold (4 KiB each)',
      values: each((r) => `${r.serverProcFiles}, ${mb(r.serverProcFiles * 4096)}`),
      target: '',
      pass: null,
    },
    {
      metric: 'server event loop, worst delay quiet / churn (wall clock)',
      values: each((r) => `${ms(r.quiet.loop.maxMs)}${r.churn ? ` / ${ms(r.churn.loop.maxMs)}` : ''}`),
      target: '',
      pass: null,
    },
    {
      metric: 'server event loop, longest on-CPU stretch quiet / churn',
      values: each((r) => `${ms(r.quiet.loop.maxBusyMs)}${r.churn ? ` / ${ms(r.churn.loop.maxBusyMs)}` : ''}`),
      target: '<= 10 ms at 5,000',
      pass: at(5000) ? Math.max(at(5000)!.quiet.loop.maxBusyMs, at(5000)!.churn?.loop.maxBusyMs ?? 0) <= 10 : null,
    },
    {
      metric: 'page load to first full table (median of 3)',
      values: each((r) => ms(r.firstTableMs)),
      target: '<= 500 ms at 5,000',
      pass: at(5000) ? at(5000)!.firstTableMs <= 500 : null,
    },
    {
      metric: 'frames over 50 ms after load (scrolling, view switches), worst',
      values: each((r) => `${frames(r)}, ${ms(worstFrame(r))}`),
      target: 'none',
      pass: all((r) => frames(r) === 0),
    },
    {
      metric: '(server + renderer) CPU per 1,000 processes, quiet',
      values: each((r) => pct(perProcess(r) * 1000)),
      target: '10k <= 1.2x 1k',
      pass: Number.isNaN(growth) ? null : growth <= 1.2,
    },
  ];
}

// One run: its status, terminal keys, stop, its live process tree, its output by process, stdin.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { OutputLine, RunInfo } from '../../../shared/model/Lab';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { useI18n } from '../i18n/I18n';
import { flattenTree } from '../views/flattenTree';
import { processKey, type ProcessKey } from '../views/processKey';
import { describeEdition } from '../views/describeEdition';
import { StatText } from './StatText';
import { formatClockTime } from '../i18n/formatTime';

const KEYS = [
  { key: 'ctrl-c', label: 'Ctrl+C', signal: 'SIGINT' },
  { key: 'ctrl-backslash', label: 'Ctrl+\\', signal: 'SIGQUIT' },
  { key: 'ctrl-z', label: 'Ctrl+Z', signal: 'SIGTSTP' },
] as const;

/** A stable colour per pid, so each process's lines are easy to follow. */
function hueOf(pid: number): number {
  return (pid * 137) % 360;
}

interface RunPanelProps {
  client: ReconnectingClient;
  run: RunInfo;
  lines: OutputLine[];
  byPid: ReadonlyMap<number, ProcessRecord>;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
  onError: (message: string | null) => void;
}

export function RunPanel({ client, run, lines, byPid, selectedKey, onSelect, onError }: RunPanelProps) {
  const { t } = useI18n();
  const [input, setInput] = useState('');
  /** Show the output of one process only (null: all of them). */
  const [onlyPid, setOnlyPid] = useState<number | null>(null);
  const shownLines = onlyPid === null ? lines : lines.filter((line) => line.pid === onlyPid);
  const printers = useMemo(() => [...new Set(lines.map((line) => line.pid))], [lines]);
  const outputEnd = useRef<HTMLDivElement>(null);
  const live = new Set(run.livePids);
  // Not memoised: byPid is changed in place by every update, and a run has few processes.
  const tree = flattenTree(
    run.livePids.flatMap((pid) => {
      const record = byPid.get(pid);
      return record ? [{ key: processKey(record), record, exit: null, isNew: false }] : [];
    }),
    { collapsed: new Set(), filter: null, showSubtrees: false },
  );
  // scrollIntoView returns a promise in current Chromium: the effect must not return it.
  useEffect(() => {
    void outputEnd.current?.scrollIntoView({ block: 'end' });
  }, [shownLines.length]);

  const report = (r: { ok: boolean; error?: { message: string } }) => onError(r.ok ? null : (r.error?.message ?? null));
  const status =
    run.status === 'running'
      ? t('lab.status.running')
      : run.status === 'stopped'
        ? t('lab.status.stopped')
        : t('lab.status.exited');
  const ended = run.exitSignal
    ? t('lab.exitSignal', { signal: run.exitSignal })
    : run.exitCode !== null
      ? t('lab.exit', { code: run.exitCode })
      : '';

  return (
    <section className="run-panel" data-testid="run-panel" data-run={run.runId}>
      <header className="panel-header">
        <h2 className="mono">{run.argv.map((a) => a.split('/').pop()).join(' ')}</h2>
        {run.edition && (
          <span className="edition-label" data-testid="run-edition">
            {describeEdition(t, run.edition)}
          </span>
        )}
        <span className={`run-status status-${run.status}`} data-testid="run-status">
          {status} {ended}
        </span>
        <span className="muted">{t('lab.processes', { n: live.size })}</span>
        {run.stopReason && <span className="muted">({run.stopReason})</span>}
        <button
          type="button"
          className="danger"
          disabled={live.size === 0}
          onClick={() => void client.call('stopRun', { runId: run.runId }).then(report)}
          data-testid="stop-run"
        >
          {t('lab.stop')}
        </button>
      </header>
      <div className="terminal-keys">
        <span className="muted">{t('lab.keys', { pgid: run.pgid })}</span>
        {KEYS.map(({ key, label, signal }) => (
          <button
            key={key}
            type="button"
            disabled={live.size === 0}
            onClick={() => void client.call('sendTerminalKey', { runId: run.runId, key }).then(report)}
            data-testid={`key-${key}`}
            title={signal}
          >
            <kbd>{label}</kbd> {signal}
          </button>
        ))}
      </div>
      <div className="run-body">
        <div className="run-tree" aria-label={t('lab.tree')}>
          <h3>{t('lab.tree')}</h3>
          {tree.map((row) => (
            <button
              key={row.key}
              type="button"
              className={`run-tree-row${row.key === selectedKey ? ' selected' : ''}`}
              style={{ paddingLeft: 6 + row.depth * 14 }}
              onClick={() => onSelect(row.key)}
              data-pid={row.record.pid}
            >
              <span className="pid-dot" style={{ background: `hsl(${hueOf(row.record.pid)} 70% 50%)` }} />
              <span className="mono">{row.record.pid}</span> <StatText stat={row.record.stat} />{' '}
              <strong>{row.record.comm}</strong> <span className="muted">{row.record.cmdline.slice(1).join(' ')}</span>
            </button>
          ))}
        </div>
        <div className="run-output">
          <h3>
            {t('lab.output')}{' '}
            <select
              value={onlyPid ?? ''}
              onChange={(e) => setOnlyPid(e.target.value ? Number(e.target.value) : null)}
              aria-label={t('lab.outputOf')}
            >
              <option value="">{t('lab.allProcesses')}</option>
              {printers.map((pid) => (
                <option key={pid} value={pid}>
                  {pid}
                </option>
              ))}
            </select>
          </h3>
          <div className="output-lines mono" data-testid="run-output">
            {shownLines.length === 0 && <p className="muted">{t('lab.noOutput')}</p>}
            {shownLines.map((line) => (
              <div key={line.seq} className={`output-line stream-${line.stream}`}>
                <time>{formatClockTime(line.at)}</time>
                <span className="pid-tag" style={{ color: `hsl(${hueOf(line.pid)} 70% 45%)` }}>
                  {line.pid}
                </span>
                <span className="output-text">{line.text.replace(/^\[\d+\]\s?/, '')}</span>
              </div>
            ))}
            <div ref={outputEnd} />
          </div>
          <form
            className="stdin"
            onSubmit={(e) => {
              e.preventDefault();
              void client.call('writeStdin', { runId: run.runId, text: input }).then(report);
              setInput('');
            }}
          >
            <input
              value={input}
              onChange={(e) => setInput(e.target.value)}
              placeholder={t('lab.stdin')}
              aria-label={t('lab.stdin')}
              disabled={live.size === 0}
            />
            <button type="submit" disabled={live.size === 0}>
              {t('lab.send')}
            </button>
          </form>
        </div>
      </div>
    </section>
  );
}

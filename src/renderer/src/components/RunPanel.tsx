// One run: its status, terminal keys, stop, its live process tree, and its terminal, or the lines
// of one process where lines name their process.
import { lazy, Suspense, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { RunInfo } from '../../../shared/model/Lab';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { useI18n } from '../i18n/I18n';
import type { RunOutputStore } from '../store/RunOutputStore';
import type { RunProcessStore } from '../store/RunProcessStore';
import type { ProcessKey } from '../views/processKey';
import { describeEdition } from '../views/describeEdition';
import { rolesOf } from '../views/processRoles';
import { runStatusClass, shownRunStatus } from '../views/runStatus';
import { runTitle } from '../views/runTitle';
import { ProcessLines } from './ProcessLines';
import { RunIpcLinks } from './RunIpcLinks';
import { RunTree } from './RunTree';
import '../styles/runOutput.css';

const RunTerminal = lazy(() => import('./RunTerminal'));

const KEYS = [
  { key: 'ctrl-c', label: 'Ctrl+C', signal: 'SIGINT' },
  { key: 'ctrl-backslash', label: 'Ctrl+\\', signal: 'SIGQUIT' },
  { key: 'ctrl-z', label: 'Ctrl+Z', signal: 'SIGTSTP' },
] as const;

interface RunPanelProps {
  client: ReconnectingClient;
  run: RunInfo;
  output: RunOutputStore;
  byPid: ReadonlyMap<number, ProcessRecord>;
  runProcesses: RunProcessStore;
  /** What the demo shows and what to try, under the run's tree (null for your own program). */
  guide: ReactNode;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
  onError: (message: string | null) => void;
}

export function RunPanel({
  client,
  run,
  output,
  byPid,
  runProcesses,
  guide,
  selectedKey,
  onSelect,
  onError,
}: RunPanelProps) {
  const { t } = useI18n();
  /** '' the terminal; 'named' every line that names its process; else the lines of that pid. */
  const [shown, setShown] = useState('');
  const lines = useSyncExternalStore(output.subscribeLines, () => output.lines(run.runId));
  const printers = useMemo(() => [...new Set(lines.map((line) => line.pid))], [lines]);
  const roles = useMemo(() => rolesOf(lines), [lines]);
  const live = new Set(run.livePids);
  // A zombie's pid is still taken, but the process is dead: counted apart, as ps marks it <defunct>.
  const zombies = run.livePids.filter((pid) => byPid.get(pid)?.state === 'Z').length;
  // The terminal's foreground group as the kernel has it (tpgid), else the run's own group.
  const rootTpgid = byPid.get(run.rootPid)?.tpgid ?? -1;
  const foreground = run.terminal && rootTpgid > 0 ? rootTpgid : run.pgid;

  const report = (r: { ok: boolean; error?: { message: string } }) => onError(r.ok ? null : (r.error?.message ?? null));
  const runStatus = shownRunStatus(run);
  const status = t(`lab.status.${runStatus}` as const);
  const ended = run.exitSignal
    ? t('lab.exitSignal', { signal: run.exitSignal })
    : run.exitCode !== null
      ? t('lab.exit', { code: run.exitCode })
      : '';

  return (
    <section className="run-panel" data-testid="run-panel" data-run={run.runId}>
      <header className="panel-header">
        <h2 className="mono">{runTitle(run.argv)}</h2>
        {run.edition && (
          <span className="edition-label" data-testid="run-edition">
            {describeEdition(t, run.edition)}
          </span>
        )}
        <span className={runStatusClass(runStatus)} data-testid="run-status" data-status={runStatus}>
          {status} {ended}
        </span>
        <span className="muted" data-testid="run-alive">
          {t('lab.processes', { n: live.size - zombies })}
          {zombies > 0 && ` · ${t('lab.zombies', { n: zombies })}`}
        </span>
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
        <span className="muted">
          {run.terminal ? t('lab.keys', { pgid: foreground }) : t('lab.keysNoTerminal', { pgid: run.pgid })}
        </span>
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
        <div className="run-side">
          <RunTree run={run} store={runProcesses} roles={roles} selectedKey={selectedKey} onSelect={onSelect} />
          <RunIpcLinks
            client={client}
            runId={run.runId}
            live={live.size > 0}
            selectedKey={selectedKey}
            onSelect={onSelect}
          />
          {guide}
        </div>
        <div className="run-output">
          <h3>
            {t('lab.outputOf')}{' '}
            <select
              value={shown}
              onChange={(e) => setShown(e.target.value)}
              aria-label={t('lab.outputOf')}
              data-testid="output-of"
            >
              <option value="">{t('lab.wholeTerminal')}</option>
              <option value="named">{t('lab.namedLines')}</option>
              {printers.map((pid) => (
                <option key={pid} value={pid}>
                  {roles.has(pid)
                    ? t('lab.processLinesRole', { pid, role: roles.get(pid) })
                    : t('lab.processLines', { pid })}
                </option>
              ))}
            </select>
          </h3>
          {!run.terminal && <p className="muted">{t('lab.noTerminal')}</p>}
          <div className="run-terminal-frame" hidden={shown !== ''}>
            <Suspense fallback={<p className="muted">{t('lab.loadingTerminal')}</p>}>
              <RunTerminal
                client={client}
                store={output}
                runId={run.runId}
                onTerminal={run.terminal}
                onError={onError}
              />
            </Suspense>
          </div>
          {shown !== '' && (
            <ProcessLines lines={shown === 'named' ? lines : lines.filter((line) => String(line.pid) === shown)} />
          )}
        </div>
      </div>
    </section>
  );
}

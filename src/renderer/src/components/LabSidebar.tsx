// The lab's side: leftovers of an earlier ProcLab, the demos by chapter, your own program, the runs.
import { useEffect, useState } from 'react';
import type { RunInfo } from '../../../shared/model/Lab';
import type { Result } from '../../../shared/contract/errors';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import type { LabState } from '../hooks/useLab';
import { formatClockTime } from '../i18n/formatTime';
import { useI18n } from '../i18n/I18n';
import { runStatusClass, shownRunStatus } from '../views/runStatus';
import { DemoList } from './DemoList';

interface LabSidebarProps {
  client: ReconnectingClient;
  lab: LabState;
  /** The demo highlighted: the one whose run is shown, else the one chosen. */
  highlightedDemoId: string | undefined;
  openRunId: string | null;
  onChooseDemo: (demoId: string) => void;
  onOpenRun: (run: RunInfo) => void;
  onStarted: (result: Result<RunInfo>) => void;
}

export function LabSidebar(props: LabSidebarProps) {
  const { t } = useI18n();
  const { client, lab } = props;
  return (
    <aside className="lab-side">
      <Leftovers client={client} />
      <h2>{t('lab.demos')}</h2>
      <DemoList demos={lab.demos} selectedId={props.highlightedDemoId} onSelect={props.onChooseDemo} />
      <h2>{t('lab.own')}</h2>
      <OwnProgram client={client} onStarted={props.onStarted} />
      <h2>{t('lab.runs')}</h2>
      {lab.runs.length === 0 && <p className="muted">{t('lab.noRuns')}</p>}
      <ul className="run-list" data-testid="run-list">
        {lab.runs.map((r) => (
          <li key={r.runId}>
            <button
              type="button"
              aria-pressed={r.runId === props.openRunId}
              onClick={() => props.onOpenRun(r)}
              data-run={r.runId}
            >
              <span className={runStatusClass(shownRunStatus(r))}>●</span> {r.demoId ?? r.argv.join(' ')}{' '}
              <span className="muted">{formatClockTime(r.startedAt)}</span>
            </button>
          </li>
        ))}
      </ul>
    </aside>
  );
}

function Leftovers({ client }: { client: ReconnectingClient }) {
  const { t } = useI18n();
  const [leftovers, setLeftovers] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    void client.call('findLeftovers', {}).then((r) => r.ok && setLeftovers(r.value.length));
  }, [client]);
  return (
    <>
      {leftovers > 0 && (
        <div className="banner banner-warning" role="alert">
          {t('lab.leftovers', { n: leftovers })}{' '}
          <button
            type="button"
            onClick={() =>
              void client.call('cleanLeftovers', {}).then((r) => {
                if (r.ok) setNotice(t('lab.cleaned', { n: r.value.ended }));
                setLeftovers(0);
              })
            }
          >
            {t('lab.cleanLeftovers')}
          </button>
        </div>
      )}
      {notice && <p className="muted">{notice}</p>}
    </>
  );
}

function OwnProgram({ client, onStarted }: Pick<LabSidebarProps, 'client' | 'onStarted'>) {
  const { t, language } = useI18n();
  const [commandLine, setCommandLine] = useState('');
  const [cwd, setCwd] = useState('');
  return (
    <form
      className="own-program"
      onSubmit={(e) => {
        e.preventDefault();
        void client.call('runCommand', { commandLine, language, ...(cwd ? { cwd } : {}) }).then(onStarted);
      }}
    >
      <input
        value={commandLine}
        onChange={(e) => setCommandLine(e.target.value)}
        placeholder={t('lab.commandLine')}
        aria-label={t('lab.commandLine')}
        data-testid="command-line"
      />
      <input
        value={cwd}
        onChange={(e) => setCwd(e.target.value)}
        placeholder={t('lab.cwd')}
        aria-label={t('lab.cwd')}
      />
      <button type="submit" disabled={!commandLine.trim()}>
        {t('lab.run')}
      </button>
    </form>
  );
}

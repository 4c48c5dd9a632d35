// The demo lab: pick a demo (explanation, things to try, source), start it or your own program,
// and follow its runs: live subtree, terminal and terminal keys.
import { useEffect, useState } from 'react';
import { RUNTIME_COMMANDS } from '../../../shared/model/Lab';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import type { LabState } from '../hooks/useLab';
import { useI18n } from '../i18n/I18n';
import { useViewStore } from '../store/ViewStore';
import type { ProcessKey } from '../views/processKey';
import { describeEdition, expectedEdition } from '../views/describeEdition';
import { DemoList } from './DemoList';
import { RunPanel } from './RunPanel';
import { SourceView } from './SourceView';
import { formatClockTime } from '../i18n/formatTime';

interface LabViewProps {
  client: ReconnectingClient;
  lab: LabState;
  byPid: ReadonlyMap<number, ProcessRecord>;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
}

export function LabView({ client, lab, byPid, selectedKey, onSelect }: LabViewProps) {
  const { t, language } = useI18n();
  const [demoId, setDemoId] = useState<string | null>(null);
  const [runId, setRunId] = useState<string | null>(null);
  const [commandLine, setCommandLine] = useState('');
  const [cwd, setCwd] = useState('');
  const [leftovers, setLeftovers] = useState(0);
  const [notice, setNotice] = useState<string | null>(null);

  useEffect(() => {
    void client.call('findLeftovers', {}).then((r) => r.ok && setLeftovers(r.value.length));
  }, [client]);

  const demo = lab.demos.find((d) => d.id === (demoId ?? lab.demos[0]?.id));
  const run = lab.runs.find((r) => r.runId === runId);
  // While a run is open, the timeline shows that run (ViewStore restores the scope after).
  const [, view] = useViewStore();
  const openRunId = run?.runId ?? null;
  useEffect(() => view.setOpenRun(openRunId), [view, openRunId]);
  const edition = demo ? expectedEdition(demo.editions) : null;
  const shownSource = demo?.editions.find((e) => e.file === edition?.file) ?? demo?.editions[0];
  const started = (r: { ok: boolean; value?: { runId: string }; error?: { message: string } }) => {
    lab.setError(r.ok ? null : (r.error?.message ?? null));
    if (r.ok && r.value) setRunId(r.value.runId);
  };

  if (lab.available === null) return null;
  if (!lab.available) return <p className="empty">{t('lab.unavailable')}</p>;
  return (
    <div className="lab" data-testid="lab">
      <aside className="lab-side">
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
        <h2>{t('lab.demos')}</h2>
        <DemoList
          demos={lab.demos}
          selectedId={demo?.id}
          onSelect={(id) => {
            setDemoId(id);
            setRunId(null);
          }}
        />
        <h2>{t('lab.own')}</h2>
        <form
          className="own-program"
          onSubmit={(e) => {
            e.preventDefault();
            void client.call('runCommand', { commandLine, ...(cwd ? { cwd } : {}) }).then(started);
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
        <h2>{t('lab.runs')}</h2>
        {lab.runs.length === 0 && <p className="muted">{t('lab.noRuns')}</p>}
        <ul className="run-list">
          {lab.runs.map((r) => (
            <li key={r.runId}>
              <button type="button" aria-pressed={r.runId === runId} onClick={() => setRunId(r.runId)}>
                <span className={`run-status status-${r.status}`}>●</span> {r.demoId ?? r.argv.join(' ')}{' '}
                <span className="muted">{formatClockTime(r.startedAt)}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div className="lab-main">
        {lab.error && (
          <div className="banner banner-error" role="alert" data-testid="lab-error">
            {lab.error}
          </div>
        )}
        {run ? (
          <RunPanel
            client={client}
            run={run}
            output={lab.output}
            byPid={byPid}
            selectedKey={selectedKey}
            onSelect={onSelect}
            onError={lab.setError}
          />
        ) : (
          demo && (
            <section className="demo-details" data-testid="demo-details">
              <header className="panel-header">
                <h2>{demo.title[language]}</h2>
                <span className="muted">{t('lab.concepts', { list: demo.concepts.join(', ') })}</span>
                <span className="edition-label" data-testid="demo-edition">
                  {edition
                    ? describeEdition(t, edition)
                    : t('lab.editionNone', {
                        missing: [...new Set(demo.editions.map((e) => RUNTIME_COMMANDS[e.runtime]))].join(', '),
                      })}
                </span>
                <button
                  type="button"
                  className="primary"
                  disabled={!edition}
                  onClick={() => void client.call('startDemo', { demoId: demo.id }).then(started)}
                  data-testid="start-demo"
                >
                  {t('lab.start')}
                </button>
              </header>
              <p>{demo.explanation[language]}</p>
              <h3>{t('lab.tryThis')}</h3>
              <ul>
                {demo.tryThis.map((step, i) => (
                  <li key={i}>{step[language]}</li>
                ))}
              </ul>
              <h3>{t('lab.observation')}</h3>
              <p>{demo.observation[language]}</p>
              {shownSource && (
                <>
                  <h3>{t('lab.source', { file: shownSource.file })}</h3>
                  <SourceView source={shownSource.source} runtime={shownSource.runtime} />
                </>
              )}
            </section>
          )
        )}
      </div>
    </div>
  );
}

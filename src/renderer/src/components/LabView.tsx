// The demo lab: pick a demo (explanation, things to try, source), start it or your own program,
// and follow its runs: live process tree, terminal and terminal keys. What it shows lives in
// the LabSession, so switching to the monitor and back finds the same run, guide and demo.
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type { Result } from '../../../shared/contract/errors';
import type { RunInfo } from '../../../shared/model/Lab';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import type { LabState } from '../hooks/useLab';
import { useI18n } from '../i18n/I18n';
import type { LabSession } from '../store/LabSession';
import type { RunProcessStore } from '../store/RunProcessStore';
import { useViewStore } from '../store/ViewStore';
import { processKey, type ProcessKey } from '../views/processKey';
import { DemoDetails } from './DemoDetails';
import { RunGuide } from './DemoGuide';
import { LabSidebar } from './LabSidebar';
import { RunPanel } from './RunPanel';
import '../styles/lab.css';

interface LabViewProps {
  client: ReconnectingClient;
  lab: LabState;
  session: LabSession;
  runProcesses: RunProcessStore;
  /** The monitor's table: the run's terminal foreground group (tpgid) comes from it. */
  byPid: ReadonlyMap<number, ProcessRecord>;
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
}

export function LabView(props: LabViewProps) {
  const { client, lab, session, runProcesses, selectedKey, onSelect } = props;
  const { t, language } = useI18n();
  const { demoId, runId, guideOpen } = useSyncExternalStore(session.subscribe, session.getState);
  const run = lab.runs.find((r) => r.runId === runId);
  const demo = lab.demos.find((d) => d.id === (run ? run.demoId : (demoId ?? lab.demos[0]?.id)));
  // While a run is open, the timeline shows that run (ViewStore restores the scope after).
  const [, view] = useViewStore();
  const openRunId = run?.runId ?? null;
  useEffect(() => view.setOpenRun(openRunId), [view, openRunId]);
  // A window opened (or reloaded) while a run lives comes back to the latest such run, unless
  // the user has already chosen something: the run list is below the demos, often out of view.
  const resumed = useRef(false);
  useEffect(() => {
    if (resumed.current || lab.runs.length === 0) return;
    resumed.current = true;
    const chosen = session.getState();
    if (chosen.runId !== null || chosen.demoId !== null) return;
    const live = lab.runs.filter((r) => r.livePids.length > 0).sort((a, b) => b.startedAt - a.startedAt)[0];
    if (live) session.openRun(live.runId, live.demoId);
  }, [lab.runs, session]);
  const started = (r: Result<RunInfo>) => {
    lab.setError(r.ok ? null : r.error.message);
    if (!r.ok) return;
    session.openRun(r.value.runId, r.value.demoId);
    // The PCB turns to the new run's first process, not one of an earlier run.
    if (r.value.rootPid > 0) onSelect(processKey({ pid: r.value.rootPid, startTime: r.value.rootStartTime }));
  };

  if (lab.available === null) return null;
  if (!lab.available) return <p className="empty">{t('lab.unavailable')}</p>;
  return (
    <div className="lab" data-testid="lab">
      <LabSidebar
        client={client}
        lab={lab}
        highlightedDemoId={run ? (run.demoId ?? undefined) : demo?.id}
        openRunId={run?.runId ?? null}
        onChooseDemo={(id) => session.chooseDemo(id)}
        onOpenRun={(r) => session.openRun(r.runId, r.demoId)}
        onStarted={started}
      />
      <div className={`lab-main${run ? ' with-run' : ''}`}>
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
            byPid={props.byPid}
            runProcesses={runProcesses}
            guide={demo && <RunGuide demo={demo} open={guideOpen} onToggle={(open) => session.setGuideOpen(open)} />}
            selectedKey={selectedKey}
            onSelect={onSelect}
            onError={lab.setError}
          />
        ) : (
          demo && (
            <DemoDetails
              demo={demo}
              // The demo prints in the UI's language (LANGUAGE in its environment).
              onStart={() => void client.call('startDemo', { demoId: demo.id, language }).then(started)}
            />
          )
        )}
      </div>
    </div>
  );
}

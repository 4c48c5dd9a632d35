// The ProcLab window: header with the two areas (monitor, demo lab), the timeline and the PCB.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ReconnectingClient } from './client/ReconnectingClient';
import { AppHeader } from './components/AppHeader';
import { isArea, type Area } from './components/AreaTabs';
import { ConnectionBanner } from './components/ConnectionBanner';
import { DetailsPane } from './components/DetailsPane';
import { KeyboardHelp } from './components/KeyboardHelp';
import { LabView } from './components/LabView';
import { MonitorArea } from './components/MonitorArea';
import { SignalDialog } from './components/SignalDialog';
import { SplitPane } from './components/SplitPane';
import { TimelinePanel } from './components/TimelinePanel';
import { useLab } from './hooks/useLab';
import { useLive } from './hooks/useLive';
import { useMonitorKeys } from './hooks/useMonitorKeys';
import { isBoolean, useMonitorView } from './hooks/useMonitorView';
import { useRemembered } from './hooks/useRemembered';
import { useRunProcesses } from './hooks/useRunProcesses';
import { NO_CAPABILITIES, useServerInfo } from './hooks/useServerInfo';
import { useSignalCatalog } from './hooks/useSignalCatalog';
import { useSignalTarget } from './hooks/useSignalTarget';
import { useTimelineSource } from './hooks/useTimelineSource';
import { useI18n } from './i18n/I18n';
import { markFirstTable, markUpdateDrawn } from './perfMarks';
import { LabSession } from './store/LabSession';
import { useTheme } from './theme/useTheme';
import type { ProcessKey } from './views/processKey';

/** The PCB beside the table: about a quarter of the window, so the default columns fit at 1280 px. */
const DETAILS_WIDTH = Math.round(Math.min(480, Math.max(320, window.innerWidth * 0.26)));

export function App({ client }: { client: ReconnectingClient }) {
  const { t } = useI18n();
  const { store, live, state, status } = useLive(client);
  const connected = status.connection === 'open';
  const [theme, setTheme] = useTheme();
  const [area, setArea] = useRemembered<Area>('proclab.area', 'monitor', isArea);
  const [startHereDismissed, setStartHereDismissed] = useRemembered('proclab.startHereDismissed', false, isBoolean);
  const info = useServerInfo(client, connected);
  const myUid = info && info.serviceUid >= 0 ? info.serviceUid : null;
  const can = info?.capabilities ?? NO_CAPABILITIES;
  const monitor = useMonitorView(store, state.version, myUid);
  const { rows } = monitor;
  const [selectedKey, setSelectedKey] = useState<ProcessKey | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const catalog = useSignalCatalog(client, connected);
  const lab = useLab(client, connected, info ? can.lab : null);
  const runProcesses = useRunProcesses(client, connected);
  const [labSession] = useState(() => new LabSession());
  const labPids = useMemo(() => new Set(lab.runs.flatMap((run) => run.livePids)), [lab.runs]);
  const searchRef = useRef<HTMLInputElement>(null);
  const detailsRef = useRef<HTMLDivElement>(null);

  const signals = useSignalTarget(store, runProcesses, state.version, can.signals);

  const selected = useMemo(
    () => (selectedKey && state.version >= 0 ? store.find(selectedKey) : null),
    [store, selectedKey, state.version],
  );
  // A selection whose ghost has expired keeps showing the last record the store saw of it.
  const shown = selected ?? (selectedKey ? store.lastKnown(selectedKey) : null);
  useEffect(() => {
    store.track(selectedKey);
  }, [store, selectedKey]);
  useEffect(() => {
    store.setLabRuns(lab.runs, runProcesses.membersOf);
  }, [store, lab.runs, runProcesses]);
  useEffect(() => {
    markUpdateDrawn();
    markFirstTable(rows.length);
  }, [state.version, rows.length]);
  const timeline = useTimelineSource(store, state, monitor.filters, shown?.record ?? null);

  const openDetails = useCallback((key: ProcessKey) => {
    setSelectedKey(key);
    detailsRef.current?.focus();
  }, []);
  const togglePause = () => void live.setPaused(!status.paused);

  useMonitorKeys({
    monitor,
    selectedKey,
    select: setSelectedKey,
    searchRef,
    togglePause,
    openDetails,
    help: { open: helpOpen, toggle: () => setHelpOpen((open) => !open), close: () => setHelpOpen(false) },
    signals,
  });

  const openLab = useCallback(
    (demoId: string | null) => {
      if (demoId) labSession.chooseDemo(demoId);
      setArea('lab');
    },
    [labSession, setArea],
  );
  const dismissStartHere = useCallback(() => setStartHereDismissed(true), [setStartHereDismissed]);

  return (
    <div className="app">
      <AppHeader
        area={area}
        onArea={setArea}
        summary={state.summary}
        intervalMs={status.intervalMs}
        onInterval={(ms) => void live.setInterval(ms)}
        paused={status.paused}
        onPause={togglePause}
        theme={theme}
        onTheme={setTheme}
        onHelp={() => setHelpOpen(true)}
      />
      <ConnectionBanner status={status} />
      <SplitPane
        direction="horizontal"
        initialSize={DETAILS_WIDTH}
        minSize={280}
        storageKey="proclab.detailsWidth"
        label={t('detail.identity')}
      >
        <SplitPane
          direction="vertical"
          initialSize={200}
          minSize={90}
          storageKey="proclab.timelineHeight"
          label={t('timeline.title')}
        >
          {area === 'lab' ? (
            <main className="main lab-area">
              <LabView
                client={client}
                lab={lab}
                session={labSession}
                runProcesses={runProcesses}
                byPid={state.byPid}
                selectedKey={selectedKey}
                onSelect={setSelectedKey}
              />
            </main>
          ) : (
            <MonitorArea
              client={client}
              view={monitor}
              linksOffered={can.details}
              searchRef={searchRef}
              selectedKey={selectedKey}
              onSelect={setSelectedKey}
              onOpen={openDetails}
              onSignal={signals.open}
              labPids={labPids}
            />
          )}
          <TimelinePanel
            entries={timeline.entries}
            selected={timeline.selected}
            predicate={timeline.predicate}
            onSelect={setSelectedKey}
            selectedKey={selectedKey}
            byPid={timeline.byPid}
            runs={lab.runs}
            runProcesses={runProcesses}
          />
        </SplitPane>
        <div className="details-pane" ref={detailsRef} tabIndex={-1}>
          <DetailsPane
            client={client}
            store={store}
            version={state.version}
            byPid={state.byPid}
            runProcesses={runProcesses}
            selectedKey={selectedKey}
            can={can}
            onSelect={setSelectedKey}
            onSignal={() => selectedKey && signals.open(selectedKey)}
            startHere={
              startHereDismissed || area !== 'monitor'
                ? null
                : { demos: lab.demos, onOpenLab: openLab, onDismiss: dismissStartHere }
            }
          />
        </div>
      </SplitPane>
      {helpOpen && <KeyboardHelp onClose={() => setHelpOpen(false)} />}
      {signals.shown && (
        <SignalDialog
          client={client}
          record={signals.shown.record}
          exited={signals.shown.exited}
          catalog={catalog}
          byPid={state.byPid}
          onClose={signals.close}
        />
      )}
    </div>
  );
}

// The timeline: births, exits, zombies, reaping, adoption, stops, signals; scoped to everything, the
// selected process's family, the search or a lab run; filtered by kind; exported as CSV or JSON.
import { memo, useMemo, useState, useSyncExternalStore } from 'react';
import type { RunInfo } from '../../../shared/model/Lab';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import { useI18n } from '../i18n/I18n';
import type { RunProcessStore } from '../store/RunProcessStore';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../store/timelineEntries';
import { useViewStore } from '../store/ViewStore';
import { download, timelineCsv, timelineJson } from '../views/exportTimeline';
import { formatTimelineEntry } from '../views/formatTimelineEntry';
import type { ProcessPredicate } from '../views/processQuery';
import type { ProcessKey } from '../views/processKey';
import { scopeTimeline } from '../views/timelineScope';
import { TimelineList } from './TimelineList';
import { TimelineScopePicker } from './TimelineScopePicker';

interface TimelinePanelProps {
  /** Oldest first, in time order (the store's array: it changes only when the timeline does). */
  entries: readonly TimelineEntry[];
  selectedKey: ProcessKey | null;
  /** The selected process, for the family scope. */
  selected: Pick<ProcessRecord, 'pid' | 'startTime' | 'comm'> | null;
  onSelect: (key: ProcessKey) => void;
  byPid: ReadonlyMap<number, ProcessRecord>;
  predicate: ProcessPredicate | null;
  runs: readonly RunInfo[];
  /** Each run's processes, exited ones included, for a run's scope. */
  runProcesses: RunProcessStore;
}

export const TimelinePanel = memo(function TimelinePanel(props: TimelinePanelProps) {
  const { entries, selected, byPid, predicate, runs, runProcesses } = props;
  const { t, language } = useI18n();
  const [{ timelineScope: scope }] = useViewStore();
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(() => new Set());
  const runVersion = useSyncExternalStore(runProcesses.subscribe, runProcesses.getVersion);
  // A run's members change at the lab's rate; other scopes do not depend on them.
  const membersVersion = scope.kind === 'run' ? runVersion : 0;
  const scoped = useMemo(
    () =>
      membersVersion >= 0
        ? scopeTimeline(entries, scope, { selected, byPid, predicate, runs, runMembers: runProcesses.membersOf })
        : entries,
    [entries, scope, selected, byPid, predicate, runs, runProcesses, membersVersion],
  );
  const shown = useMemo(() => (hidden.size ? scoped.filter((e) => !hidden.has(e.kind)) : scoped), [scoped, hidden]);
  const toggle = (kind: TimelineKind) =>
    setHidden((h) => {
      const next = new Set(h);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next;
    });
  const save = (format: 'csv' | 'json') => {
    const words = (entry: TimelineEntry) => formatTimelineEntry(entry, t, language);
    const name = `proclab-timeline-${new Date().toISOString().replace(/[:.]/g, '-')}.${format}`;
    if (format === 'csv') download(name, 'text/csv', timelineCsv(shown, words));
    else download(name, 'application/json', timelineJson(shown, words));
  };
  const empty =
    scope.kind === 'process' && !selected
      ? t('scope.noSelection')
      : t(entries.length ? 'timeline.emptyScoped' : 'timeline.empty');
  return (
    <section className="timeline" aria-label={t('timeline.title')} data-testid="timeline" data-scope={scope.kind}>
      <header className="panel-header">
        <h2>{t('timeline.title')}</h2>
        <span className="muted" data-testid="timeline-count">
          {shown.length === entries.length
            ? t('timeline.count', { n: entries.length })
            : t('timeline.countScoped', { shown: shown.length, n: entries.length })}
        </span>
        <div className="chips" role="group" aria-label={t('timeline.kinds')}>
          {TIMELINE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`chip kind-${kind}`}
              aria-pressed={!hidden.has(kind)}
              onClick={() => toggle(kind)}
              data-testid={`timeline-kind-${kind}`}
            >
              {t(`kind.${kind}`)}
            </button>
          ))}
        </div>
        <div className="timeline-tools">
          <TimelineScopePicker selected={selected} runs={runs} />
          <span className="muted">{t('timeline.export')}</span>
          <button type="button" onClick={() => save('csv')} title={t('timeline.exportCsv')} data-testid="export-csv">
            CSV
          </button>
          <button type="button" onClick={() => save('json')} title={t('timeline.exportJson')} data-testid="export-json">
            JSON
          </button>
        </div>
      </header>
      {shown.length === 0 ? (
        <p className="empty">{empty}</p>
      ) : (
        <TimelineList entries={shown} selectedKey={props.selectedKey} onSelect={props.onSelect} />
      )}
    </section>
  );
});

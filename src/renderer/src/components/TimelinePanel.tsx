// The timeline: births, exits, zombies, reaping, reparenting, stops; click an entry to select it.
import { useMemo, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';
import { TIMELINE_KINDS, type TimelineEntry, type TimelineKind } from '../store/timelineEntries';
import type { Observation, SignalTargetKind } from '../../../shared/model/Signals';
import { describeObservation, describeTarget } from '../views/describeSignal';
import { processKey, type ProcessKey } from '../views/processKey';
import { formatClockTime } from '../i18n/formatTime';

/** Exits, zombies and reaping say how the process ended: a signal, an exit code, or not observed. */
const ENDING: Partial<Record<TimelineKind, { signal: MessageKey; code: MessageKey }>> = {
  exited: { signal: 'tl.exitedSignal', code: 'tl.exitedCode' },
  zombie: { signal: 'tl.zombieSignal', code: 'tl.zombieCode' },
  reaped: { signal: 'tl.reapedSignal', code: 'tl.reapedCode' },
};

const SENTENCE: Record<TimelineKind, MessageKey> = {
  spawned: 'tl.spawned',
  exited: 'tl.exited',
  zombie: 'tl.zombie',
  reaped: 'tl.reaped',
  reparented: 'tl.reparented',
  stopped: 'tl.stopped',
  continued: 'tl.continued',
  exec: 'tl.exec',
  signal: 'tl.signal',
};

/** Shown newest first; at most this many rows are drawn (the history itself holds more). */
const MAX_DRAWN = 400;

interface TimelinePanelProps {
  entries: TimelineEntry[];
  onSelect: (key: ProcessKey) => void;
  selectedKey: ProcessKey | null;
}

export function TimelinePanel({ entries, onSelect, selectedKey }: TimelinePanelProps) {
  const { t } = useI18n();
  const [hidden, setHidden] = useState<ReadonlySet<TimelineKind>>(() => new Set());
  const shown = useMemo(
    () =>
      entries
        .filter((e) => !hidden.has(e.kind))
        .reverse()
        .slice(0, MAX_DRAWN),
    [entries, hidden],
  );
  const sentence = (entry: TimelineEntry) => {
    const ending = ENDING[entry.kind];
    if (ending && entry.detail.signal) return t(ending.signal, entry.detail);
    if (ending && entry.detail.exitCode != null) return t(ending.code, entry.detail);
    if (entry.kind === 'signal') {
      const { signal, target, pgid, observed, state, exitSignal, exitCode } = entry.detail;
      const result = observed
        ? describeObservation(
            {
              kind: observed as Observation['kind'],
              state: state as string | null,
              exitSignal: exitSignal as string | null,
              exitCode: exitCode as number | null,
            },
            t,
          )
        : t('sig.delivered', { n: entry.detail.delivered });
      return t('tl.signal', {
        signal,
        target: describeTarget(target as SignalTargetKind, pgid as number | null, t),
        result,
      });
    }
    return t(SENTENCE[entry.kind], entry.detail);
  };
  return (
    <section className="timeline" aria-label={t('timeline.title')} data-testid="timeline">
      <header className="panel-header">
        <h2>{t('timeline.title')}</h2>
        <span className="muted">{t('timeline.count', { n: entries.length })}</span>
        <div className="chips">
          {TIMELINE_KINDS.map((kind) => (
            <button
              key={kind}
              type="button"
              className={`chip kind-${kind}`}
              aria-pressed={!hidden.has(kind)}
              onClick={() =>
                setHidden((h) => {
                  const next = new Set(h);
                  if (next.has(kind)) next.delete(kind);
                  else next.add(kind);
                  return next;
                })
              }
            >
              {t(`kind.${kind}`)}
            </button>
          ))}
        </div>
      </header>
      {shown.length === 0 ? (
        <p className="empty">{t('timeline.empty')}</p>
      ) : (
        <ol className="timeline-list">
          {shown.map((entry) => {
            const key = processKey(entry);
            return (
              <li key={entry.id} className={key === selectedKey ? 'selected' : ''}>
                <button type="button" onClick={() => onSelect(key)} data-kind={entry.kind} data-pid={entry.pid}>
                  <time>{formatClockTime(entry.at)}</time>
                  <span className={`chip kind-${entry.kind}`}>{t(`kind.${entry.kind}`)}</span>
                  <span className="tl-process">
                    {entry.comm} <span className="muted">({entry.pid})</span>
                  </span>
                  <span className="tl-text">{sentence(entry)}</span>
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

// An entry's words, formatted once per language and kept with the entry (the list redraws often,
// the entries never change): time, kind, process and sentence.
import type { Observation, SignalTargetKind } from '../../../shared/model/Signals';
import { formatClockTime } from '../i18n/formatTime';
import type { Language, Translate } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';
import type { TimelineEntry, TimelineKind } from '../store/timelineEntries';
import { describeObservation, describeTarget } from './describeSignal';

export interface FormattedEntry {
  time: string;
  kind: string;
  process: string;
  text: string;
}

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

function signalSentence(entry: TimelineEntry, t: Translate): string {
  const { signal, target, pgid, observed, state, exitSignal, exitCode, delivered } = entry.detail;
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
    : t('sig.sent', { n: delivered });
  return t('tl.signal', {
    signal,
    target: describeTarget(target as SignalTargetKind, pgid as number | null, t),
    result,
  });
}

function sentence(entry: TimelineEntry, t: Translate): string {
  const ending = ENDING[entry.kind];
  if (ending && entry.detail.signal) return t(ending.signal, entry.detail);
  if (ending && entry.detail.exitCode != null) return t(ending.code, entry.detail);
  if (entry.kind === 'signal') return signalSentence(entry, t);
  return t(SENTENCE[entry.kind], entry.detail);
}

const cache = new Map<Language, WeakMap<TimelineEntry, FormattedEntry>>();

export function formatTimelineEntry(entry: TimelineEntry, t: Translate, language: Language): FormattedEntry {
  let formatted = cache.get(language);
  if (!formatted) {
    formatted = new WeakMap();
    cache.set(language, formatted);
  }
  let text = formatted.get(entry);
  if (!text) {
    text = {
      time: formatClockTime(entry.at),
      kind: t(`kind.${entry.kind}`),
      process: `${entry.comm} (${entry.pid})`,
      text: sentence(entry, t),
    };
    formatted.set(entry, text);
  }
  return text;
}

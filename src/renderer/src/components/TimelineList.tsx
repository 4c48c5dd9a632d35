// The timeline's rows, newest first, virtualised: only the rows in view are in the DOM.
import { useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useLayoutEffect, useRef } from 'react';
import { useI18n } from '../i18n/I18n';
import type { TimelineEntry } from '../store/timelineEntries';
import { formatTimelineEntry } from '../views/formatTimelineEntry';
import { processKey, type ProcessKey } from '../views/processKey';

const ROW_HEIGHT = 24;

interface TimelineListProps {
  /** Oldest first, as the store keeps them; drawn newest first. */
  entries: readonly TimelineEntry[];
  selectedKey: ProcessKey | null;
  onSelect: (key: ProcessKey) => void;
}

export function TimelineList({ entries, selectedKey, onSelect }: TimelineListProps) {
  const scrollRef = useRef<HTMLOListElement>(null);
  const at = (index: number) => entries[entries.length - 1 - index]!;
  // TanStack Virtual returns functions React Compiler cannot memoise; this component opts out.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 2,
  });
  useKeepReadingPlace(virtualizer, entries);
  return (
    <ol className="timeline-list" ref={scrollRef} aria-rowcount={entries.length} data-testid="timeline-list">
      <li className="timeline-spacer" style={{ height: virtualizer.getTotalSize() }} aria-hidden />
      {virtualizer.getVirtualItems().map((item) => {
        const entry = at(item.index);
        return (
          // Keyed by place, not by entry: new entries come in on top, and with a flood of them
          // (twenty processes a second) the rows in view take the new words in place instead
          // of being removed and built again every second.
          <TimelineRow
            key={item.index}
            entry={entry}
            top={item.start}
            selected={processKey(entry) === selectedKey}
            onSelect={onSelect}
          />
        );
      })}
    </ol>
  );
}

/**
 * New entries come in on top: while someone reads further down, move the view by as many rows,
 * so what they read stays where it was. The offset is the virtualizer's, kept from scroll events:
 * reading the element's scrollTop here would lay the page out again on every new entry.
 */
function useKeepReadingPlace(virtualizer: Virtualizer<HTMLOListElement, Element>, entries: readonly TimelineEntry[]) {
  const newestBefore = useRef<number | undefined>(undefined);
  useLayoutEffect(() => {
    const previous = newestBefore.current;
    newestBefore.current = entries.at(-1)?.id;
    const offset = virtualizer.scrollOffset ?? 0;
    if (offset === 0 || previous === undefined) return;
    let added = 0;
    while (added < entries.length && entries[entries.length - 1 - added]!.id !== previous) added++;
    if (added > 0 && added < entries.length) virtualizer.scrollToOffset(offset + added * ROW_HEIGHT);
  }, [virtualizer, entries]);
}

interface TimelineRowProps {
  entry: TimelineEntry;
  top: number;
  selected: boolean;
  onSelect: (key: ProcessKey) => void;
}

const TimelineRow = memo(function TimelineRow({ entry, top, selected, onSelect }: TimelineRowProps) {
  const { t, language } = useI18n();
  const words = formatTimelineEntry(entry, t, language);
  return (
    <li className={selected ? 'selected' : ''} style={{ transform: `translateY(${top}px)` }}>
      <button
        type="button"
        onClick={() => onSelect(processKey(entry))}
        data-kind={entry.kind}
        data-pid={entry.pid}
        title={`${words.time} ${words.process}: ${words.text}`}
      >
        <time>{words.time}</time>
        <span className={`chip kind-${entry.kind}`}>{words.kind}</span>
        <span className="tl-process">
          {entry.comm} <span className="muted">({entry.pid})</span>
        </span>
        <span className="tl-text">{words.text}</span>
      </button>
    </li>
  );
});

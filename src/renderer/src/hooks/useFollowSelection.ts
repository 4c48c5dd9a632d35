// Follow selection, as htop's follow: the selected row stays in view as it moves, until the user scrolls it away.
import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type RefObject } from 'react';
import type { ProcessKey } from '../views/processKey';

/** Fixed row height and the sticky header above the rows, both in px. */
export interface GridGeometry {
  rowHeight: number;
  headerHeight: number;
}

/** The row at `index` lies wholly between the sticky header and the bottom of the scroll area. */
function isFullyVisible(element: HTMLElement, index: number, { rowHeight, headerHeight }: GridGeometry): boolean {
  const top = headerHeight + index * rowHeight;
  return top >= element.scrollTop + headerHeight && top + rowHeight <= element.scrollTop + element.clientHeight;
}

/**
 * Brings the selected row fully into view when the selection changes or following is switched on,
 * and, while following, whenever it has left the view by moving (a re-sort, rows born or gone above
 * it). A scroll that leaves the row out of view pauses following: live updates do not pull the view
 * back until a new selection, following switched on again, or the row in full view again (scrolled
 * back, or moved there). Returns the grid's scroll handler.
 */
export function useFollowSelection(
  virtualizer: Virtualizer<HTMLDivElement, Element>,
  scrollRef: RefObject<HTMLDivElement | null>,
  geometry: GridGeometry,
  selection: { key: ProcessKey | null; index: number; follow: boolean },
): () => void {
  const { key, index, follow } = selection;
  const last = useRef({ key: null as ProcessKey | null, index: -1, follow: false });
  const paused = useRef(false);
  // The scroll position as of the last scroll event read.
  const seenTop = useRef(0);
  const noticeScroll = (element: HTMLElement, shownIndex: number) => {
    seenTop.current = element.scrollTop;
    // Our own scrolls leave the row in view: only a scroll away from it pauses.
    paused.current = shownIndex < 0 || !isFullyVisible(element, shownIndex, geometry);
  };
  useEffect(() => {
    const before = last.current;
    last.current = { key, index, follow };
    const element = scrollRef.current;
    // With no row selected, before or now, there is nothing to follow: reading the scroll position
    // after every update would force a layout of the grid each time (the page's top cost in a profile).
    if (!element || (index < 0 && before.index < 0)) return;
    // A scroll whose event has not arrived yet (an update drawn in between) is the user's all the same.
    if (element.scrollTop !== seenTop.current) noticeScroll(element, before.index);
    if (index < 0) return;
    const chosen = key !== before.key || (follow && !before.follow);
    if (chosen || isFullyVisible(element, index, geometry)) paused.current = false;
    if (chosen || (follow && !paused.current)) {
      if (!isFullyVisible(element, index, geometry)) virtualizer.scrollToIndex(index, { align: 'auto' });
    }
  });
  return () => {
    if (scrollRef.current) noticeScroll(scrollRef.current, last.current.index);
  };
}

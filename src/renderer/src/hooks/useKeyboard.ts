// Window keys, as htop users expect: arrows and pages move, / searches, t toggles, space pauses.
import { useEffect, useRef } from 'react';

export interface KeyActions {
  move: (delta: number) => void;
  moveTo: (edge: 'first' | 'last') => void;
  fold: (expand: boolean) => void;
  focusSearch: () => void;
  toggleView: () => void;
  togglePause: () => void;
  openDetails: () => void;
  toggleHelp: () => void;
  openSignals: () => void;
  escape: () => void;
}

const PAGE = 20;

function isTyping(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

export function useKeyboard(actions: KeyActions): void {
  // The latest actions, without re-registering the listener on every render.
  const current = useRef(actions);
  useEffect(() => {
    current.current = actions;
  });
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const a = current.current;
      if (event.key === 'Escape') return a.escape();
      if (event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) return;
      // While a dialog is open, its own controls have the keys.
      if (document.querySelector('[role="dialog"]')) return;
      const handled: Record<string, () => void> = {
        ArrowDown: () => a.move(1),
        ArrowUp: () => a.move(-1),
        PageDown: () => a.move(PAGE),
        PageUp: () => a.move(-PAGE),
        Home: () => a.moveTo('first'),
        End: () => a.moveTo('last'),
        ArrowRight: () => a.fold(true),
        ArrowLeft: () => a.fold(false),
        '/': a.focusSearch,
        t: a.toggleView,
        ' ': a.togglePause,
        Enter: a.openDetails,
        '?': a.toggleHelp,
        k: a.openSignals,
        F9: a.openSignals,
      };
      const action = handled[event.key];
      if (!action) return;
      // Buttons keep Space and Enter for themselves.
      if ((event.key === ' ' || event.key === 'Enter') && event.target instanceof HTMLButtonElement) return;
      event.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);
}

// Two panes with a draggable divider (also movable with the arrow keys); the size is remembered.
import { useCallback, useState, type ReactNode } from 'react';

interface SplitPaneProps {
  direction: 'horizontal' | 'vertical';
  /** Size of the second pane in pixels. */
  initialSize: number;
  minSize?: number;
  storageKey: string;
  label: string;
  children: [ReactNode, ReactNode];
}

export function SplitPane({ direction, initialSize, minSize = 120, storageKey, label, children }: SplitPaneProps) {
  const [size, setSize] = useState(() => Number(localStorage.getItem(storageKey)) || initialSize);
  const commit = useCallback(
    (next: number) => {
      const clamped = Math.max(minSize, next);
      setSize(clamped);
      localStorage.setItem(storageKey, String(clamped));
    },
    [minSize, storageKey],
  );
  const horizontal = direction === 'horizontal';
  const onPointerDown = (event: React.PointerEvent<HTMLDivElement>) => {
    const container = event.currentTarget.parentElement!.getBoundingClientRect();
    const move = (e: PointerEvent) => commit(horizontal ? container.right - e.clientX : container.bottom - e.clientY);
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };
  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.shiftKey ? 64 : 16;
    if (event.key === (horizontal ? 'ArrowLeft' : 'ArrowUp')) commit(size + step);
    else if (event.key === (horizontal ? 'ArrowRight' : 'ArrowDown')) commit(size - step);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div
      className={`split split-${direction}`}
      style={{ [horizontal ? 'gridTemplateColumns' : 'gridTemplateRows']: `minmax(0, 1fr) 6px ${size}px` }}
    >
      <div className="split-pane">{children[0]}</div>
      <div
        className="split-divider"
        role="separator"
        aria-orientation={horizontal ? 'vertical' : 'horizontal'}
        aria-label={label}
        aria-valuenow={size}
        tabIndex={0}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
      <div className="split-pane">{children[1]}</div>
    </div>
  );
}

// Where a drop-down menu goes: under its button, right-aligned to it, but always inside the window.

export interface MenuPlace {
  top: number;
  left: number;
  maxHeight: number;
}

const MARGIN = 8;

export function placeMenu(
  button: { left: number; right: number; bottom: number },
  menuWidth: number,
  viewport: { width: number; height: number },
): MenuPlace {
  const top = button.bottom + 4;
  const rightAligned = button.right - menuWidth;
  const left = Math.max(MARGIN, Math.min(rightAligned, viewport.width - menuWidth - MARGIN));
  return { top, left, maxHeight: Math.max(120, viewport.height - top - MARGIN) };
}

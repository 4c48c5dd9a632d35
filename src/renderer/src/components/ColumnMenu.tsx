// The Columns menu: one checkbox per column, placed inside the window, closed by a click elsewhere.
import { memo, useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/I18n';
import { COLUMN_IDS, COLUMNS, type ColumnId } from '../views/columns';
import { placeMenu, type MenuPlace } from '../views/placeMenu';

interface ColumnMenuProps {
  columns: ColumnId[];
  onColumns: (columns: ColumnId[]) => void;
}

/** Memoised: its checkboxes change only with the columns, not with the toolbar's every update. */
export const ColumnMenu = memo(function ColumnMenu({ columns, onColumns }: ColumnMenuProps) {
  const { t } = useI18n();
  const details = useRef<HTMLDetailsElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const [open, setOpen] = useState(false);
  const [place, setPlace] = useState<MenuPlace | null>(null);

  const onToggle = () => {
    const element = details.current;
    const summary = element?.querySelector('summary');
    setOpen(element?.open ?? false);
    if (!element?.open || !summary || !menu.current) return;
    const viewport = { width: window.innerWidth, height: window.innerHeight };
    setPlace(placeMenu(summary.getBoundingClientRect(), menu.current.offsetWidth, viewport));
  };

  useEffect(() => {
    if (!open) return;
    const closeOutside = (event: PointerEvent) => {
      if (details.current && !details.current.contains(event.target as Node)) details.current.open = false;
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [open]);

  return (
    <details className="column-menu" ref={details} onToggle={onToggle} data-testid="column-menu">
      <summary>{t('columns.menu')}</summary>
      <div className="menu" ref={menu} style={place ?? { visibility: 'hidden' }}>
        {COLUMN_IDS.map((id) => (
          <label key={id} className="check" title={t(COLUMNS[id].titleKey)}>
            <input
              type="checkbox"
              checked={columns.includes(id)}
              disabled={id === 'command'}
              onChange={(e) =>
                onColumns(
                  e.target.checked
                    ? COLUMN_IDS.filter((c) => c === id || columns.includes(c))
                    : columns.filter((c) => c !== id),
                )
              }
            />
            {COLUMNS[id].header} <span className="muted">{t(COLUMNS[id].titleKey)}</span>
          </label>
        ))}
      </div>
    </details>
  );
});

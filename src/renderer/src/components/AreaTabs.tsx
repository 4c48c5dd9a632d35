// The two places of ProcLab, as tabs: the monitor (every process) and the demo lab.
import { useI18n } from '../i18n/I18n';
import '../styles/areaTabs.css';

export type Area = 'monitor' | 'lab';
export const isArea = (v: unknown): v is Area => v === 'monitor' || v === 'lab';

const TABS = [
  { area: 'monitor', label: 'view.monitor', hint: 'area.monitorHint', icon: '▤' },
  { area: 'lab', label: 'view.lab', hint: 'area.labHint', icon: '⚗' },
] as const;

export function AreaTabs({ area, onArea }: { area: Area; onArea: (area: Area) => void }) {
  const { t } = useI18n();
  return (
    <nav className="area-tabs" role="tablist">
      {TABS.map((tab) => (
        <button
          key={tab.area}
          type="button"
          role="tab"
          aria-selected={area === tab.area}
          onClick={() => onArea(tab.area)}
          title={t(tab.hint)}
          data-testid={`area-${tab.area}`}
        >
          <span className="area-icon" aria-hidden>
            {tab.icon}
          </span>
          {t(tab.label)}
        </button>
      ))}
    </nav>
  );
}

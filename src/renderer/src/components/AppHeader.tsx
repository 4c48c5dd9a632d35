// The window's header: the brand, the two areas as tabs, the machine's summary and the controls.
import type { SystemSummary } from '../../../shared/model/ProcessRecord';
import { useI18n } from '../i18n/I18n';
import { AreaTabs, type Area } from './AreaTabs';
import { HeaderControls } from './HeaderControls';
import { SummaryBar } from './SummaryBar';

type HeaderControlsProps = Parameters<typeof HeaderControls>[0];

interface AppHeaderProps extends HeaderControlsProps {
  area: Area;
  onArea: (area: Area) => void;
  summary: SystemSummary | null;
}

export function AppHeader({ area, onArea, summary, ...controls }: AppHeaderProps) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <h1 className="brand">
        <img src="./favicon.svg" alt="" width={20} height={20} />
        {t('app.title')}
      </h1>
      <AreaTabs area={area} onArea={onArea} />
      <SummaryBar summary={summary} />
      <HeaderControls {...controls} />
    </header>
  );
}

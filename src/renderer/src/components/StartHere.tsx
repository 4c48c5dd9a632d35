// The first screen's pointer for a newcomer, in the empty detail pane: the lab, and the three demos
// to try first. One click hides it for good.
import { memo } from 'react';
import type { DemoInfo } from '../../../shared/model/Lab';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';
import '../styles/firstScreen.css';

const FIRST_DEMOS: { id: string; why: MessageKey }[] = [
  { id: 'fork', why: 'start.fork' },
  { id: 'zombie', why: 'start.zombie' },
  { id: 'driver-conductor', why: 'start.signals' },
];

export interface StartHereProps {
  demos: DemoInfo[];
  onOpenLab: (demoId: string | null) => void;
  onDismiss: () => void;
}

/** Memoised: the pane around it renders with every update, and this never changes with one. */
export const StartHere = memo(function StartHere({ demos, onOpenLab, onDismiss }: StartHereProps) {
  const { t, language } = useI18n();
  const first = FIRST_DEMOS.flatMap(({ id, why }) => {
    const demo = demos.find((d) => d.id === id);
    return demo ? [{ demo, why }] : [];
  });
  return (
    <section className="start-here" aria-labelledby="start-here-title" data-testid="start-here">
      <div className="start-here-text">
        <h2 id="start-here-title">{t('start.title')}</h2>
        <p>{t('start.intro')}</p>
      </div>
      <ol className="start-here-demos">
        {first.map(({ demo, why }) => (
          <li key={demo.id}>
            <button type="button" onClick={() => onOpenLab(demo.id)} data-testid={`start-${demo.id}`}>
              <strong>{demo.title[language]}</strong>
              <span>{t(why)}</span>
            </button>
          </li>
        ))}
      </ol>
      <div className="start-here-actions">
        <button type="button" className="primary" onClick={() => onOpenLab(null)}>
          {t('start.openLab')}
        </button>
        <button type="button" onClick={onDismiss} data-testid="start-here-dismiss">
          {t('start.dismiss')}
        </button>
      </div>
    </section>
  );
});

// A demo's guide: what it shows, things to try while it runs, and what you should see.
import type { DemoInfo } from '../../../shared/model/Lab';
import { useI18n } from '../i18n/I18n';

export function DemoGuide({ demo }: { demo: DemoInfo }) {
  const { t, language } = useI18n();
  return (
    <div className="demo-guide-body" data-testid="demo-guide">
      <div>
        <p className="demo-explanation">{demo.explanation[language]}</p>
      </div>
      <div>
        <h3>{t('lab.tryThis')}</h3>
        <ul>
          {demo.tryThis.map((step, i) => (
            <li key={i}>{step[language]}</li>
          ))}
        </ul>
        <h3>{t('lab.observation')}</h3>
        <p>{demo.observation[language]}</p>
      </div>
    </div>
  );
}

/** The guide beside an open run, folded away with one click (and kept folded while the lab lives). */
export function RunGuide({
  demo,
  open,
  onToggle,
}: {
  demo: DemoInfo;
  open: boolean;
  onToggle: (open: boolean) => void;
}) {
  const { t, language } = useI18n();
  return (
    <details
      className="run-guide"
      open={open}
      onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}
      data-testid="run-guide"
    >
      <summary>{t('lab.guide', { title: demo.title[language] })}</summary>
      <DemoGuide demo={demo} />
    </details>
  );
}

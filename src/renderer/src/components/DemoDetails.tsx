// A demo before it runs: title, course concepts, the edition that will run, Start, its guide and source.
import { RUNTIME_COMMANDS, type DemoInfo } from '../../../shared/model/Lab';
import { useI18n } from '../i18n/I18n';
import { describeEdition, expectedEdition } from '../views/describeEdition';
import { DemoGuide } from './DemoGuide';
import { SourceView } from './SourceView';

export function DemoDetails({ demo, onStart }: { demo: DemoInfo; onStart: () => void }) {
  const { t, language } = useI18n();
  const edition = expectedEdition(demo.editions);
  const shownSource = demo.editions.find((e) => e.file === edition?.file) ?? demo.editions[0];
  return (
    <section className="demo-details" data-testid="demo-details">
      <header className="panel-header">
        <h2>{demo.title[language]}</h2>
        <span className="muted">{t('lab.concepts', { list: demo.concepts.join(', ') })}</span>
        <span className="edition-label" data-testid="demo-edition">
          {edition
            ? describeEdition(t, edition)
            : t('lab.editionNone', {
                missing: [...new Set(demo.editions.map((e) => RUNTIME_COMMANDS[e.runtime]))].join(', '),
              })}
        </span>
        <button type="button" className="primary" disabled={!edition} onClick={onStart} data-testid="start-demo">
          {t('lab.start')}
        </button>
      </header>
      <DemoGuide demo={demo} />
      {shownSource && (
        <>
          <h3>{t('lab.source', { file: shownSource.file })}</h3>
          <SourceView source={shownSource.source} runtime={shownSource.runtime} />
        </>
      )}
    </section>
  );
}

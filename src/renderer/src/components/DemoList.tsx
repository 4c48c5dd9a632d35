// The demos in the course's order, one heading per chapter, each demo with its concept tags.
import { COURSE_GROUPS, type DemoInfo } from '../../../shared/model/Lab';
import { useI18n } from '../i18n/I18n';

interface DemoListProps {
  demos: DemoInfo[];
  selectedId: string | undefined;
  onSelect: (demoId: string) => void;
}

export function DemoList({ demos, selectedId, onSelect }: DemoListProps) {
  const { t, language } = useI18n();
  return (
    <div className="demo-groups" data-testid="demo-list">
      {COURSE_GROUPS.map((group) => {
        const inGroup = demos.filter((d) => d.group === group);
        if (inGroup.length === 0) return null;
        return (
          <section key={group} className="demo-group" data-group={group}>
            <h3>{t(`lab.group.${group}`)}</h3>
            <ul className="demo-list">
              {inGroup.map((d) => (
                <li key={d.id}>
                  <button
                    type="button"
                    aria-pressed={d.id === selectedId}
                    onClick={() => onSelect(d.id)}
                    data-demo={d.id}
                  >
                    {d.title[language]}{' '}
                    {d.concepts.map((c) => (
                      <span key={c} className="concept-tag">
                        {c}
                      </span>
                    ))}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

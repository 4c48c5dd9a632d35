// Chooses what the timeline shows: every process, the selection's family, the search, or a lab run.
import type { RunInfo } from '../../../shared/model/Lab';
import { useI18n } from '../i18n/I18n';
import { useViewStore, type TimelineScope } from '../store/ViewStore';

interface TimelineScopePickerProps {
  selected: { pid: number; comm: string } | null;
  runs: readonly RunInfo[];
}

const valueOf = (scope: TimelineScope) => (scope.kind === 'run' ? `run:${scope.runId}` : scope.kind);

function scopeOf(value: string): TimelineScope {
  if (value.startsWith('run:')) return { kind: 'run', runId: value.slice(4) };
  return { kind: value as 'all' | 'process' | 'search' };
}

export function TimelineScopePicker({ selected, runs }: TimelineScopePickerProps) {
  const { t } = useI18n();
  const [{ timelineScope }, view] = useViewStore();
  return (
    <label className="select">
      {t('timeline.scope')}
      <select
        value={valueOf(timelineScope)}
        onChange={(e) => view.setTimelineScope(scopeOf(e.target.value))}
        data-testid="timeline-scope"
      >
        <option value="all">{t('scope.all')}</option>
        <option value="process">
          {t('scope.process')}
          {selected ? `: ${selected.comm} (${selected.pid})` : ''}
        </option>
        <option value="search">{t('scope.search')}</option>
        {runs.map((run) => (
          <option key={run.runId} value={`run:${run.runId}`}>
            {t('scope.run', { run: `${run.demoId ?? run.argv.join(' ')} (${run.rootPid})` })}
          </option>
        ))}
      </select>
    </label>
  );
}

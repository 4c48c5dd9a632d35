// The header's picture of the machine: CPU per core, memory, load, tasks by state, uptime.
import { formatBytes, formatDuration } from '../../../shared/model/formatProcess';
import type { SystemSummary } from '../../../shared/model/ProcessRecord';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';

const STATE_ORDER = ['R', 'S', 'D', 'T', 't', 'Z', 'I'] as const;

function Meter({ percent, label, className = '' }: { percent: number; label: string; className?: string }) {
  return (
    <span
      className={`meter ${className}`}
      title={label}
      role="meter"
      aria-valuenow={percent}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-label={label}
    >
      <span className="meter-fill" style={{ width: `${Math.min(100, Math.max(0, percent))}%` }} />
    </span>
  );
}

export function SummaryBar({ summary }: { summary: SystemSummary | null }) {
  const { t } = useI18n();
  if (!summary) return <div className="summary" />;
  const memPercent = (summary.memUsedBytes / Math.max(1, summary.memTotalBytes)) * 100;
  return (
    <div className="summary" data-testid="summary">
      <div className="summary-group">
        <span className="summary-label">{t('summary.cpu')}</span>
        <span className="cores">
          {summary.cpuPerCore.map((value, i) => (
            <Meter
              key={i}
              percent={value}
              label={t('summary.core', { n: i, value: value.toFixed(0) })}
              className="core"
            />
          ))}
        </span>
      </div>
      <div className="summary-group">
        <span className="summary-label">{t('summary.memory')}</span>
        <Meter percent={memPercent} label={`${memPercent.toFixed(0)}%`} />
        <span className="summary-value">
          {formatBytes(summary.memUsedBytes)} / {formatBytes(summary.memTotalBytes)}
        </span>
      </div>
      <div className="summary-group" title={t('summary.loadHelp')}>
        <span className="summary-label">{t('summary.load')}</span>
        <span className="summary-value">{summary.loadAverage.map((v) => v.toFixed(2)).join(' ')}</span>
      </div>
      <div className="summary-group">
        <span className="summary-label">{t('summary.tasks')}</span>
        <span className="summary-value" data-testid="process-count">
          {t('summary.processes', { n: summary.processCount })}
        </span>
        <span className="state-counts">
          {STATE_ORDER.filter((s) => summary.stateCounts[s]).map((s) => (
            <span key={s} className={`state-count stat-${s}`} title={t(`state.${s}` as MessageKey)}>
              {s} {summary.stateCounts[s]}
            </span>
          ))}
        </span>
        <span className="summary-value muted">{t('summary.threads', { n: summary.threadCount })}</span>
      </div>
      <div className="summary-group">
        <span className="summary-label">{t('summary.uptime')}</span>
        <span className="summary-value">{formatDuration(summary.uptimeSeconds)}</span>
      </div>
    </div>
  );
}

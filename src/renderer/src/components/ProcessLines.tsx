// The lines of one process of a run, where they name it ("[pid] …"), with the time they came.
import type { ProcessLine } from '../../../shared/model/Lab';
import { useI18n } from '../i18n/I18n';
import { formatClockTime } from '../i18n/formatTime';

/** A stable colour per pid, so each process is easy to follow. */
export function hueOf(pid: number): number {
  return (pid * 137) % 360;
}

export function ProcessLines({ lines }: { lines: ProcessLine[] }) {
  const { t } = useI18n();
  return (
    <div className="output-lines mono" data-testid="process-lines">
      {lines.map((line) => (
        <div key={line.seq} className="output-line">
          <time>{formatClockTime(line.at)}</time>
          <span className="pid-tag" style={{ color: `hsl(${hueOf(line.pid)} 70% 45%)` }}>
            {line.pid}
          </span>
          <span className="output-text">
            {line.text.replace(/^\[\d+\]\s?/, '')}
            {line.cut && <span className="muted"> {t('lab.lineCut')}</span>}
          </span>
        </div>
      ))}
    </div>
  );
}

// The parts of the detail panel that list things: fds, threads, limits, environment, status.
import type { ReactNode } from 'react';
import type { ProcessDetails, Readable } from '../../../shared/model/ProcessDetails';
import { formatCpuTime } from '../../../shared/model/formatProcess';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';

/** The server's reason in the UI's language, where its error code is one ProcLab knows. */
const ERRNO_REASONS: Record<string, MessageKey> = {
  EACCES: 'detail.errno.denied',
  EPERM: 'detail.errno.notPermitted',
  ENOENT: 'detail.errno.gone',
  ESRCH: 'detail.errno.gone',
};

export function ReadableSection<T>({
  title,
  value,
  children,
  open = true,
}: {
  title: string;
  value: Readable<T>;
  children: (v: T) => ReactNode;
  open?: boolean;
}) {
  const { t } = useI18n();
  return (
    <details className="detail-section" open={open}>
      <summary>{title}</summary>
      {'value' in value ? (
        children(value.value)
      ) : (
        <p className="muted">
          {t('detail.unavailable', {
            reason: value.errno && ERRNO_REASONS[value.errno] ? t(ERRNO_REASONS[value.errno]!) : value.unavailable,
          })}
        </p>
      )}
    </details>
  );
}

export function DetailLists({ details }: { details: ProcessDetails }) {
  const { t } = useI18n();
  const count = 'value' in details.environ ? details.environ.value.length : 0;
  return (
    <>
      <ReadableSection title={`${t('detail.fds')}`} value={details.fds}>
        {(fds) => (
          <table className="mini-table" data-testid="fd-table">
            <thead>
              <tr>
                <th>fd</th>
                <th>{t('field.fdKind')}</th>
                <th>{t('field.fdTarget')}</th>
              </tr>
            </thead>
            <tbody>
              {fds.map((fd) => (
                <tr key={fd.fd}>
                  <td className="num">{fd.fd}</td>
                  <td>
                    <span className={`fd-kind fd-${fd.kind}`}>{fd.kind}</span>
                  </td>
                  <td className="mono wrap">{fd.target}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReadableSection>
      <ReadableSection title={t('detail.threads')} value={details.threads}>
        {(threads) => (
          <table className="mini-table">
            <thead>
              <tr>
                <th>TID</th>
                <th>S</th>
                <th>TIME</th>
                <th>COMM</th>
              </tr>
            </thead>
            <tbody>
              {threads.map((thread) => (
                <tr key={thread.tid}>
                  <td className="num">{thread.tid}</td>
                  <td>{thread.state}</td>
                  <td className="num">{formatCpuTime(thread.cpuTimeMs)}</td>
                  <td className="mono">{thread.comm}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReadableSection>
      <ReadableSection title={t('detail.limits')} value={details.limits} open={false}>
        {(limits) => (
          <table className="mini-table">
            <thead>
              <tr>
                <th>{t('field.limitName')}</th>
                <th>{t('field.soft')}</th>
                <th>{t('field.hard')}</th>
              </tr>
            </thead>
            <tbody>
              {limits.map((limit) => (
                <tr key={limit.name}>
                  <td>{limit.name}</td>
                  <td className="mono">{limit.soft}</td>
                  <td className="mono">
                    {limit.hard} <span className="muted">{limit.units}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReadableSection>
      <ReadableSection title={t('detail.environment', { n: count })} value={details.environ} open={false}>
        {(environ) => (
          <ul className="env-list mono">
            {environ.map((entry, i) => (
              <li key={i}>{entry}</li>
            ))}
          </ul>
        )}
      </ReadableSection>
      <ReadableSection title={t('detail.status', { pid: details.record.pid })} value={details.status} open={false}>
        {(status) => (
          <table className="mini-table">
            <tbody>
              {Object.entries(status).map(([key, value]) => (
                <tr key={key}>
                  <th>{key}</th>
                  <td className="mono wrap">{value}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ReadableSection>
    </>
  );
}

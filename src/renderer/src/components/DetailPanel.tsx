// The detail panel, "the PCB": every field of the selected process, its family, files and history.
import type { Capabilities } from '../../../shared/contract/methods';
import { formatBytes, formatCpuTime } from '../../../shared/model/formatProcess';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { useProcessDetails } from '../hooks/useProcessDetails';
import { useI18n } from '../i18n/I18n';
import type { HistoryPoint } from '../store/ProcessStore';
import type { ExitInfo } from '../views/DisplayRow';
import { processKey, type ProcessKey } from '../views/processKey';
import { DetailLists, ReadableSection } from './DetailSections';
import { DispositionTable } from './DispositionTable';
import { ProcessActions } from './ProcessActions';
import { HistoryChart } from './HistoryChart';
import { IpcLinksSection } from './IpcLinksSection';
import { explainStat, StatText } from './StatText';
import { formatDateTime } from '../i18n/formatTime';

interface DetailPanelProps {
  client: ReconnectingClient;
  record: ProcessRecord | null;
  exit: ExitInfo | null;
  history: HistoryPoint[];
  version: number;
  /** What this ProcLab can do here: without /proc there are no details and no signals. */
  can: Capabilities;
  /** The live table: where the IPC section looks for the other ends of pipes and sockets. */
  byPid: ReadonlyMap<number, ProcessRecord>;
  onSelect: (key: ProcessKey) => void;
  onSignal: () => void;
}

export function DetailPanel(props: DetailPanelProps) {
  const { client, record, exit, history, version, can, byPid, onSelect, onSignal } = props;
  const { t, language } = useI18n();
  const { details, loading } = useProcessDetails(
    client,
    exit || !can.details ? null : (record?.pid ?? null),
    record?.startTime ?? null,
  );
  if (!record) return <section className="details empty">{t('detail.none')}</section>;
  const link = (p: { pid: number; startTime: number; comm: string }) => (
    <button key={p.pid} type="button" className="link" onClick={() => onSelect(processKey(p))}>
      {p.comm} ({p.pid})
    </button>
  );
  const fields: [string, React.ReactNode][] = [
    ['PID / PPID', `${record.pid} / ${record.ppid}`],
    // A ghost's last STAT ("S") would say it still sleeps: say it is gone instead.
    [
      t('field.state'),
      exit ? (
        <span data-testid="exited-state">{t(exit.wasZombie ? 'detail.stateReaped' : 'detail.stateExited')}</span>
      ) : (
        <StatText key="stat" stat={record.stat} />
      ),
    ],
    [t('field.owner'), `${record.user} (uid ${record.uid})`],
    [t('field.group'), `pgid ${record.pgid} · sid ${record.sid}`],
    [t('field.terminal'), `${record.tty ?? '—'} · tpgid ${record.tpgid}`],
    [t('field.priority'), `nice ${record.nice} · pri ${record.priority}`],
    [t('field.threads'), String(record.threads)],
    [t('field.started'), formatDateTime(record.startTime, language)],
    [t('field.cpuTime'), `${formatCpuTime(record.cpuTimeMs)} · ${record.cpuPercent.toFixed(1)}%`],
    [
      t('field.memory'),
      `RSS ${formatBytes(record.rssBytes)} · VSZ ${formatBytes(record.vszBytes)} · ${record.memPercent.toFixed(1)}%`,
    ],
  ];
  return (
    <section className="details" aria-label={t('detail.title', { pid: record.pid })} data-testid="details">
      <header className="panel-header">
        <h2>
          {record.comm} <span className="muted">{t('detail.title', { pid: record.pid })}</span>
        </h2>
        {loading && <span className="muted">{t('detail.loading')}</span>}
      </header>
      {exit && (
        <p className="notice">
          {t('detail.exited')}{' '}
          {exit.signal
            ? t('detail.exitedSignal', { signal: exit.signal })
            : exit.exitCode != null
              ? t('detail.exitedCode', { code: exit.exitCode })
              : ''}
        </p>
      )}
      {!exit && <p className="state-explained">{explainStat(record.stat, t)}</p>}
      {!exit && can.signals && (
        <ProcessActions key={processKey(record)} client={client} record={record} onSignal={onSignal} />
      )}
      {!can.details && <p className="muted">{t('detail.needsProc')}</p>}
      <dl className="fields">
        {fields.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <details className="detail-section" open>
        <summary>{t('detail.commandLine')}</summary>
        <ol className="argv mono" data-testid="argv">
          {record.cmdline.length === 0 ? (
            <li>[{record.comm}]</li>
          ) : (
            record.cmdline.map((arg, i) => <li key={i}>{arg}</li>)
          )}
        </ol>
      </details>
      {details && (
        <>
          <ReadableSection title={t('detail.cwd')} value={details.cwd}>
            {(cwd) => <p className="mono wrap">{cwd}</p>}
          </ReadableSection>
          <ReadableSection title={t('detail.exe')} value={details.exe}>
            {(exe) => <p className="mono wrap">{exe}</p>}
          </ReadableSection>
          <details className="detail-section" open>
            <summary>{t('detail.parents')}</summary>
            <p className="chain">{details.ancestors.length > 0 ? details.ancestors.map(link) : '—'}</p>
          </details>
          <details className="detail-section" open>
            <summary>
              {t('detail.children')} ({details.children.length})
            </summary>
            <p className="chain">{details.children.length > 0 ? details.children.map(link) : t('detail.noChildren')}</p>
          </details>
          {!exit && <IpcLinksSection client={client} record={record} byPid={byPid} onSelect={onSelect} />}
        </>
      )}
      <details className="detail-section" open>
        <summary>{t('detail.history')}</summary>
        <HistoryChart points={history} version={version} />
      </details>
      {details && (
        <ReadableSection title={t('disp.title')} value={details.signals}>
          {(dispositions) => <DispositionTable dispositions={dispositions} />}
        </ReadableSection>
      )}
      {details && <DetailLists details={details} />}
    </section>
  );
}

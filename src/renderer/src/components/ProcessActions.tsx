// Buttons for the selected process: send a signal, stop, continue, renice, end its tree.
import { useEffect, useState } from 'react';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { useI18n } from '../i18n/I18n';

const GRACE_MS = 3_000;

export function ProcessActions({
  client,
  record,
  onSignal,
}: {
  client: ReconnectingClient;
  record: ProcessRecord;
  onSignal: () => void;
}) {
  const { t } = useI18n();
  const [nice, setNice] = useState(record.nice);
  const [message, setMessage] = useState<string | null>(null);
  const [confirmingEnd, setConfirmingEnd] = useState(false);
  const pin = { pid: record.pid, startTime: record.startTime };

  useEffect(
    () =>
      client.on('endTreeProgress', (p) => {
        if (p.pid !== record.pid || p.phase === 'done') return;
        setMessage(
          t('act.endTreeProgress', {
            phase: p.phase === 'term' ? 'SIGTERM' : 'SIGKILL',
            remaining: p.remaining,
            total: p.total,
          }),
        );
      }),
    [client, record.pid, t],
  );

  const signal = async (name: 'SIGSTOP' | 'SIGCONT') => {
    const r = await client.call('sendSignal', { ...pin, signal: name, target: 'process' });
    setMessage(r.ok ? null : t('act.failed', { message: r.error.message }));
  };
  const renice = async () => {
    const r = await client.call('reniceProcess', { ...pin, nice });
    setMessage(r.ok ? t('act.reniced', { nice: r.value.nice }) : t('act.failed', { message: r.error.message }));
  };
  const endTree = async () => {
    setConfirmingEnd(false);
    const r = await client.call('endProcessTree', { ...pin, graceMs: GRACE_MS, confirmed: true });
    setMessage(
      r.ok
        ? t('act.endTreeDone', { total: r.value.total, term: r.value.endedByTerm, kill: r.value.endedByKill })
        : t('act.failed', { message: r.error.message }),
    );
  };

  return (
    <div className="actions" data-testid="process-actions">
      <div className="action-row">
        <button type="button" className="primary" onClick={onSignal} data-testid="open-signal-dialog">
          {t('act.signal')}
        </button>
        <button type="button" onClick={() => void signal('SIGSTOP')} data-testid="stop">
          {t('act.stop')}
        </button>
        <button type="button" onClick={() => void signal('SIGCONT')} data-testid="continue">
          {t('act.continue')}
        </button>
        <button type="button" className="danger" onClick={() => setConfirmingEnd(true)}>
          {t('act.endTree')}
        </button>
      </div>
      <div className="action-row" title={t('act.reniceHint')}>
        <label className="check">
          nice
          <input
            type="number"
            min={-20}
            max={19}
            value={nice}
            onChange={(e) => setNice(Number(e.target.value))}
            className="nice-input"
            data-testid="nice"
          />
        </label>
        <button type="button" onClick={() => void renice()} data-testid="renice">
          {t('act.renice')}
        </button>
        <span className="muted">{t('act.reniceHint')}</span>
      </div>
      {confirmingEnd && (
        <div className="confirm" role="alertdialog">
          {t('act.endTreeConfirm', { comm: record.comm, pid: record.pid, seconds: GRACE_MS / 1000 })}
          <button type="button" className="danger" onClick={() => void endTree()}>
            {t('act.endTree')}
          </button>
          <button type="button" onClick={() => setConfirmingEnd(false)}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {message && (
        <p className="action-message" role="status" data-testid="action-message">
          {message}
        </p>
      )}
    </div>
  );
}

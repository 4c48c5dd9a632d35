// The signal dialog: pick a signal and a target, read the prediction, send, and see what happened.
import { useEffect, useMemo, useRef, useState } from 'react';
import { descendantsOf } from '../../../shared/model/buildTree';
import { predictOutcome } from '../../../shared/model/predictOutcome';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { SignalDisposition, SignalInfo, SignalTargetKind } from '../../../shared/model/Signals';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { useI18n } from '../i18n/I18n';
import { selectedAmong, signalsMatching } from '../views/signalsMatching';
import { SignalList } from './SignalList';
import { SignalOutcome, type Outcome } from './SignalOutcome';

interface SignalDialogProps {
  client: ReconnectingClient;
  record: ProcessRecord;
  /** The process has exited (or was reaped) since the dialog opened: nothing can be sent to it. */
  exited: boolean;
  catalog: SignalInfo[];
  byPid: ReadonlyMap<number, ProcessRecord>;
  onClose: () => void;
}

export function SignalDialog({ client, record, exited, catalog, byPid, onClose }: SignalDialogProps) {
  const { t, language } = useI18n();
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>('SIGTERM');
  const [target, setTarget] = useState<SignalTargetKind>('process');
  const [dispositions, setDispositions] = useState<SignalDisposition[] | null>(null);
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const search = useRef<HTMLInputElement>(null);

  useEffect(() => {
    search.current?.focus();
  }, []);
  useEffect(() => {
    void client.call('getProcessDetails', { pid: record.pid, startTime: record.startTime }).then((r) => {
      if (r.ok && 'value' in r.value.signals) setDispositions(r.value.signals.value);
    });
  }, [client, record.pid, record.startTime]);

  const shown = useMemo(() => signalsMatching(catalog, query, language), [catalog, query, language]);
  const selected = selectedAmong(shown, chosen);
  const signal = catalog.find((s) => s.name === selected);
  const prediction =
    signal && !exited
      ? predictOutcome(
          signal,
          dispositions?.find((d) => d.number === signal.number),
          record,
        )
      : null;
  const groupAllowed = record.pgid > 1;
  const groupSize = useMemo(
    () => [...byPid.values()].filter((p) => p.pgid === record.pgid).length,
    [byPid, record.pgid],
  );
  const treeSize = useMemo(() => descendantsOf(byPid.values(), record.pid).length + 1, [byPid, record.pid]);

  // Why nothing can be sent, said where the prediction would be (the server would refuse too).
  const blocked = exited
    ? t('sig.exited', { comm: record.comm, pid: record.pid })
    : signal
      ? null
      : t('sig.noMatch', { query: query.trim() });
  const canSend = !sending && !blocked;

  const filter = (text: string) => {
    setQuery(text);
    const next = selectedAmong(signalsMatching(catalog, text, language), chosen);
    // An answer or a confirmation was for the signal that was selected, not for the next one.
    if (next !== selected) setOutcome(null);
    setChosen(next);
  };
  // A confirmation was asked for one target: "Send anyway" must not reach another.
  const chooseTarget = (next: SignalTargetKind) => {
    setTarget(next);
    setOutcome(null);
  };
  const send = async (confirm: boolean) => {
    if (!signal || !canSend) return;
    const predicted = prediction;
    setSending(true);
    const result = await client.call('sendSignal', {
      pid: record.pid,
      startTime: record.startTime,
      signal: signal.name,
      target,
      confirmed: confirm,
      confirmOwn: confirm,
    });
    setSending(false);
    setOutcome(result.ok ? { report: result.value, prediction: predicted } : { error: result.error });
  };

  return (
    <div
      className="overlay"
      role="dialog"
      aria-modal="true"
      aria-label={t('sig.title', { comm: record.comm, pid: record.pid })}
      onClick={onClose}
    >
      <div className="dialog signal-dialog" onClick={(e) => e.stopPropagation()} data-testid="signal-dialog">
        <h2>{t('sig.title', { comm: record.comm, pid: record.pid })}</h2>
        <input
          ref={search}
          type="search"
          value={query}
          placeholder={t('sig.search')}
          aria-label={t('sig.search')}
          onChange={(e) => filter(e.target.value)}
          onKeyDown={(e) => {
            // Enter sends what the list shows selected, as the Send button does.
            if (e.key === 'Enter') void send(false);
          }}
        />
        <SignalList
          signals={shown}
          dispositions={dispositions}
          target={record}
          chosen={selected}
          onChoose={(name) => {
            setChosen(name);
            setOutcome(null);
          }}
        />
        <fieldset className="targets" disabled={exited}>
          <legend>{t('sig.target')}</legend>
          <label className="check">
            <input type="radio" name="target" checked={target === 'process'} onChange={() => chooseTarget('process')} />
            {t('sig.targetProcess', { pid: record.pid })}
          </label>
          <label className="check">
            <input
              type="radio"
              name="target"
              disabled={!groupAllowed}
              checked={target === 'group'}
              onChange={() => chooseTarget('group')}
              data-testid="target-group"
            />
            {groupAllowed
              ? t('sig.targetGroup', { pgid: record.pgid, n: groupSize })
              : t('sig.groupRefused', { pgid: record.pgid })}
          </label>
          <label className="check">
            <input type="radio" name="target" checked={target === 'subtree'} onChange={() => chooseTarget('subtree')} />
            {t('sig.targetSubtree', { n: treeSize })}
          </label>
        </fieldset>
        <SignalOutcome signal={signal} prediction={prediction} blocked={blocked} outcome={outcome} />
        <div className="dialog-buttons">
          {outcome && 'error' in outcome && outcome.error.code === 'CONFIRMATION_REQUIRED' ? (
            <button
              type="button"
              className="danger"
              disabled={!canSend}
              onClick={() => void send(true)}
              data-testid="send-anyway"
            >
              {t('sig.sendAnyway')}
            </button>
          ) : (
            <button
              type="button"
              className="primary"
              disabled={!canSend}
              onClick={() => void send(false)}
              data-testid="send-signal"
            >
              {sending ? t('sig.sending') : signal ? t('sig.send', { signal: signal.name }) : t('sig.sendNothing')}
            </button>
          )}
          <button type="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>
    </div>
  );
}

// Words for predictions, observations and confirmations, shared by the signal dialog and the timeline.
import type { ProcLabError } from '../../../shared/contract/errors';
import type { Observation, Prediction, PredictionKind, SignalTargetKind } from '../../../shared/model/Signals';
import type { Translate } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';

export function describePrediction(prediction: Prediction, t: Translate): string {
  return t(`predict.${prediction.kind}` as MessageKey);
}

/** The short effect beside a signal in the list: what it does to this process. */
export function describeEffect(kind: PredictionKind, t: Translate): string {
  return t(`effect.${kind}` as MessageKey);
}

/** A colour family for an effect: it ends, stops, continues, runs a handler, waits, or does nothing. */
export function effectCategory(kind: PredictionKind): 'ends' | 'stops' | 'continues' | 'handler' | 'waits' | 'none' {
  switch (kind) {
    case 'terminate':
    case 'core':
    case 'uncatchable-terminate':
      return 'ends';
    case 'stop':
    case 'uncatchable-stop':
      return 'stops';
    case 'continue':
      return 'continues';
    case 'handler':
      return 'handler';
    case 'blocked':
    case 'already-pending':
    case 'pending-while-stopped':
      return 'waits';
    default:
      return 'none';
  }
}

export function describeObservation(
  o: Pick<Observation, 'kind' | 'state' | 'exitSignal' | 'exitCode'>,
  t: Translate,
): string {
  if (o.kind === 'exited') {
    const how = o.exitSignal
      ? t('observe.exitedBy', { signal: o.exitSignal })
      : o.exitCode != null
        ? t('observe.exitedCode', { code: o.exitCode })
        : '';
    return t('observe.exited', { how });
  }
  return t(`observe.${o.kind}` as MessageKey, { state: o.state ?? '?' });
}

export function describeTarget(target: SignalTargetKind, pgid: number | null, t: Translate): string {
  if (target === 'group') return t('tl.targetGroup', { pgid });
  return t(target === 'subtree' ? 'tl.targetSubtree' : 'tl.targetProcess');
}

const CONFIRMATIONS: Record<string, MessageKey> = {
  own: 'sig.confirmOwn',
  ends: 'sig.confirmEnds',
  handler: 'sig.confirmHandler',
  pending: 'sig.confirmPending',
};

/** A CONFIRMATION_REQUIRED reply in the UI's language, from its details (the message is English). */
export function describeConfirmation(error: ProcLabError, t: Translate): string {
  const key = error.details && CONFIRMATIONS[String(error.details.reason)];
  return key ? t(key, error.details) : error.message;
}

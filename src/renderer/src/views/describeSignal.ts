// Words for predictions and observations, shared by the signal dialog and the timeline.
import type { Observation, Prediction, SignalTargetKind } from '../../../shared/model/Signals';
import type { Translate } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';

export function describePrediction(prediction: Prediction, t: Translate): string {
  return t(`predict.${prediction.kind}` as MessageKey);
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

// Under the signal list: the prediction for this process, then what was observed (or the confirmation).
import type { ProcLabError } from '../../../shared/contract/errors';
import type { Prediction, SignalInfo, SignalReport } from '../../../shared/model/Signals';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';
import { describeConfirmation, describeObservation, describePrediction } from '../views/describeSignal';

/** A sent signal keeps the prediction it was sent on: the process it changed would predict otherwise now. */
export type Outcome = { report: SignalReport; prediction: Prediction | null } | { error: ProcLabError } | null;

interface SignalOutcomeProps {
  signal: SignalInfo | undefined;
  prediction: Prediction | null;
  /** Why nothing can be sent (the process exited, no signal matches): shown instead of a prediction. */
  blocked: string | null;
  outcome: Outcome;
}

export function SignalOutcome({ signal, prediction: predictedNow, blocked: blockedNow, outcome }: SignalOutcomeProps) {
  const { t } = useI18n();
  const sent = outcome && 'report' in outcome ? outcome : null;
  const prediction = sent ? sent.prediction : predictedNow;
  const blocked = sent ? null : blockedNow;
  return (
    <dl className="outcome">
      <div>
        <dt>{t('sig.prediction')}</dt>
        {blocked || !signal || !prediction ? (
          <dd data-testid="prediction" data-kind="blocked" className="error-text">
            {blocked}
          </dd>
        ) : (
          <dd data-testid="prediction" data-kind={prediction.kind}>
            {describePrediction(prediction, t)}{' '}
            <span className="muted">
              ({t('sig.default', { action: t(`action.${signal.defaultAction}` as MessageKey) })})
            </span>
          </dd>
        )}
      </div>
      {outcome && 'report' in outcome && (
        <div>
          <dt>{t('sig.observed')}</dt>
          <dd data-testid="observed">
            {outcome.report.observed.map((o) => (
              <div key={o.pid} data-pid={o.pid} data-kind={o.kind} data-as-predicted={o.asPredicted}>
                {o.pid}: {describeObservation(o, t)}
                {o.kind === 'exited' && !o.certain && o.exitSignal && (
                  <span className="muted"> — {t('observe.inferred')}</span>
                )}{' '}
                <span className={o.asPredicted ? 'as-predicted' : 'not-as-predicted'}>
                  {o.asPredicted ? `✓ ${t('sig.asPredicted')}` : `✗ ${t('sig.notAsPredicted')}`}
                </span>
              </div>
            ))}
            <span className="muted">{t('sig.sent', { n: outcome.report.delivered.length })}</span>
          </dd>
        </div>
      )}
      {outcome && 'error' in outcome && (
        <div>
          <dt>{outcome.error.code === 'CONFIRMATION_REQUIRED' ? t('sig.confirm') : t('sig.observed')}</dt>
          <dd data-testid="observed" className="error-text">
            {outcome.error.code === 'CONFIRMATION_REQUIRED'
              ? describeConfirmation(outcome.error, t)
              : outcome.error.message}
          </dd>
        </div>
      )}
    </dl>
  );
}

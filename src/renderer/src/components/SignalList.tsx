// The signals to choose from, common ones first, each with what it would do to this very process.
import { predictOutcome, type SignalTarget } from '../../../shared/model/predictOutcome';
import type { SignalDisposition, SignalInfo } from '../../../shared/model/Signals';
import { useI18n } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';
import { describeEffect, effectCategory } from '../views/describeSignal';

interface SignalListProps {
  signals: SignalInfo[];
  /** null until the process's dispositions are read: the default actions are shown meanwhile. */
  dispositions: SignalDisposition[] | null;
  target: SignalTarget;
  /** Null when the filter shows no signal. */
  chosen: string | null;
  onChoose: (name: string) => void;
}

export function SignalList({ signals, dispositions, target, chosen, onChoose }: SignalListProps) {
  const { t, language } = useI18n();
  return (
    <div className="signal-list" role="listbox" aria-label={t('sig.all')}>
      {signals.map((s, i) => {
        const disposition = dispositions?.find((d) => d.number === s.number);
        const effect = predictOutcome(s, disposition, target).kind;
        const byDefault = t('sig.default', { action: t(`action.${s.defaultAction}` as MessageKey) });
        return (
          <div key={s.number}>
            {i === 0 && s.common && <div className="list-heading">{t('sig.common')}</div>}
            {!s.common && signals[i - 1]?.common !== false && <div className="list-heading">{t('sig.all')}</div>}
            <button
              type="button"
              role="option"
              aria-selected={s.name === chosen}
              className="signal-option"
              onClick={() => onChoose(s.name)}
              data-signal={s.name}
            >
              <span className="mono">{s.number}</span>
              <strong>{s.name}</strong>
              <span
                className={`effect effect-${effectCategory(effect)}`}
                title={`${t('sig.effectHere')} · ${byDefault}`}
                data-effect={effect}
              >
                {describeEffect(effect, t)}
              </span>
              {!s.catchable && <span className="badge badge-warning">{t('sig.uncatchable')}</span>}
              <span className="muted">{s.meaning[language]}</span>
            </button>
          </div>
        );
      })}
    </div>
  );
}

// A STAT or state value with every letter explained on hover (C2, C3 of the course).
import { useI18n, type Translate } from '../i18n/I18n';
import type { MessageKey } from '../i18n/messages.en';

const STATES = new Set(['R', 'S', 'D', 'T', 't', 'Z', 'I', 'X']);
const FLAGS = new Set(['<', 'N', 'L', 's', 'l', '+']);

export function explainStat(stat: string, t: Translate): string {
  const [state = '?', ...flags] = [...stat];
  const lines = [STATES.has(state) ? t(`state.${state}` as MessageKey) : t('state.other', { state })];
  for (const flag of flags) if (FLAGS.has(flag)) lines.push(t(`flag.${flag}` as MessageKey));
  return lines.join('\n');
}

export function StatText({ stat }: { stat: string }) {
  const { t } = useI18n();
  return (
    <span className={`stat stat-${stat[0] === '?' ? 'unknown' : stat[0]}`} title={explainStat(stat, t)}>
      {stat}
    </span>
  );
}

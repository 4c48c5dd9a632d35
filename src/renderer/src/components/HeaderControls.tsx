// The header's controls: refresh interval, pause, theme, language and the key list.
import { useI18n, LANGUAGES, type Language } from '../i18n/I18n';
import type { ThemeChoice } from '../theme/useTheme';

export const INTERVALS_MS = [250, 500, 1000, 2000, 5000, 10000];

interface HeaderControlsProps {
  intervalMs: number;
  onInterval: (ms: number) => void;
  paused: boolean;
  onPause: () => void;
  theme: ThemeChoice;
  onTheme: (theme: ThemeChoice) => void;
  onHelp: () => void;
}

export function HeaderControls(props: HeaderControlsProps) {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="header-controls">
      <label className="select">
        {t('control.interval')}
        <select
          value={props.intervalMs}
          onChange={(e) => props.onInterval(Number(e.target.value))}
          data-testid="interval"
        >
          {INTERVALS_MS.map((ms) => (
            <option key={ms} value={ms}>
              {ms < 1000 ? `${ms} ms` : `${ms / 1000} s`}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={props.onPause}
        aria-pressed={props.paused}
        data-testid="pause"
        className={props.paused ? 'paused' : ''}
      >
        {props.paused ? t('control.resume') : t('control.pause')}
      </button>
      <label className="select">
        {t('control.theme')}
        <select value={props.theme} onChange={(e) => props.onTheme(e.target.value as ThemeChoice)} data-testid="theme">
          {(['system', 'light', 'dark'] as const).map((choice) => (
            <option key={choice} value={choice}>
              {t(`theme.${choice}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="select">
        {t('control.language')}
        <select value={language} onChange={(e) => setLanguage(e.target.value as Language)} data-testid="language">
          {(Object.keys(LANGUAGES) as Language[]).map((id) => (
            <option key={id} value={id}>
              {LANGUAGES[id].label}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={props.onHelp}>
        {t('control.keys')}
      </button>
    </div>
  );
}

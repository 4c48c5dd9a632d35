// Which signals the dialog's filter shows, and which one is selected among them.
import type { SignalInfo } from '../../../shared/model/Signals';
import type { Language } from '../i18n/locales';

/** The signals whose name, number or meaning (in this language) match the query, common ones first. */
export function signalsMatching(catalog: SignalInfo[], query: string, language: Language): SignalInfo[] {
  const q = query.trim().toLowerCase();
  const matches = catalog.filter(
    (s) =>
      !q || s.name.toLowerCase().includes(q) || String(s.number) === q || s.meaning[language].toLowerCase().includes(q),
  );
  return [...matches.filter((s) => s.common), ...matches.filter((s) => !s.common)];
}

/**
 * The selection is always a signal on screen, so Send never acts on a hidden one: the chosen
 * signal while it is shown, else the first shown, else none.
 */
export function selectedAmong(shown: SignalInfo[], chosen: string | null): string | null {
  if (chosen && shown.some((s) => s.name === chosen)) return chosen;
  return shown[0]?.name ?? null;
}

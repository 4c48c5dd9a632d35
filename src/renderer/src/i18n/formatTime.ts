// Times as ps prints them (24-hour), and dates through Intl for the UI language.
// Never the browser's default locale: it can be a tag Intl rejects (en-US@posix under LANG=C).
import { formatTimeOfDay } from '../../../shared/model/formatProcess';
import { INTL_LOCALE, type Language } from './locales';

const two = (n: number) => String(n).padStart(2, '0');

/** HH:MM:SS in 24-hour time, the way ps and the kernel logs show a time of day. */
export const formatClockTime = formatTimeOfDay;

/** One Intl formatter per language and style, built on first use (building one is the slow part). */
function cachedFormat(options: Intl.DateTimeFormatOptions): (language: Language) => Intl.DateTimeFormat {
  const formats = new Map<Language, Intl.DateTimeFormat>();
  return (language) => {
    let format = formats.get(language);
    if (!format) {
      format = new Intl.DateTimeFormat(INTL_LOCALE[language], options);
      formats.set(language, format);
    }
    return format;
  };
}

const dateTimeFormat = cachedFormat({ dateStyle: 'medium', timeStyle: 'medium', hourCycle: 'h23' });
const monthDayFormat = cachedFormat({ month: 'short', day: '2-digit' });
const chineseMonthDayFormat = cachedFormat({ month: 'short', day: 'numeric' });

/** A full date and 24-hour time in the chosen language. */
export function formatDateTime(ms: number, language: Language): string {
  return dateTimeFormat(language).format(ms);
}

/**
 * ps's START (ps(1), start_time): "HH:MM" for a process started today, "MmmDD" (Jan05) for one
 * started earlier this year, the year otherwise. The month is named in the UI's language.
 */
export function formatStartTime(ms: number, language: Language, now = Date.now()): string {
  const date = new Date(ms);
  const today = new Date(now);
  if (date.getFullYear() !== today.getFullYear()) return String(date.getFullYear());
  if (date.getMonth() === today.getMonth() && date.getDate() === today.getDate())
    return `${two(date.getHours())}:${two(date.getMinutes())}`;
  if (language === 'zh') return chineseMonthDayFormat(language).format(date);
  const parts = monthDayFormat(language).formatToParts(date);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('month').slice(0, 3)}${part('day')}`;
}

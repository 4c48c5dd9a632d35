// Times as ps prints them (24-hour, locale-free), and full dates through Intl for the UI language.
// Never the browser's default locale: it can be a tag Intl rejects (en-US@posix under LANG=C).
import type { Language } from './I18n';

const two = (n: number) => String(n).padStart(2, '0');

/** HH:MM:SS in 24-hour time, the way ps and the kernel logs show a time of day. */
export function formatClockTime(ms: number): string {
  const date = new Date(ms);
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };
const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

/** A full date and 24-hour time in the chosen language. */
export function formatDateTime(ms: number, language: Language): string {
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      dateStyle: 'medium',
      timeStyle: 'medium',
      hourCycle: 'h23',
    });
    dateTimeFormats.set(language, format);
  }
  return format.format(ms);
}

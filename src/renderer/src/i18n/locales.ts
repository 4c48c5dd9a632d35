// The UI's languages and the Intl locale each one uses (never the browser's default locale).

export type Language = 'en' | 'zh';

/** en-GB: 24-hour times and day-month dates, as ps and most of the world print them. */
export const INTL_LOCALE: Record<Language, string> = { en: 'en-GB', zh: 'zh-CN' };

/** A text, or one text per plural category of Intl.PluralRules, chosen by the {n} parameter. */
export type Message = string | PluralMessage;
export interface PluralMessage {
  zero?: string;
  one?: string;
  two?: string;
  few?: string;
  many?: string;
  other: string;
}

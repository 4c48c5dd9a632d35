// The one i18n layer: t(key, params) in English or 简体中文, switchable at run time and remembered.
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { INTL_LOCALE, type Language, type Message } from './locales';
import { en, type MessageKey } from './messages.en';
import { zh } from './messages.zh';

export type { Language } from './locales';
export const LANGUAGES: Record<Language, { label: string; messages: Record<MessageKey, Message> }> = {
  en: { label: 'English', messages: en },
  zh: { label: '简体中文', messages: zh },
};

const STORAGE_KEY = 'proclab.language';

export type Translate = (key: MessageKey, params?: Record<string, string | number | null | undefined>) => string;

const pluralRules = new Map<Language, Intl.PluralRules>();

/** The form of a message for the count {n}: "1 process", "2 processes" (Intl.PluralRules). */
function pluralForm(message: Message, language: Language, n: unknown): string {
  if (typeof message === 'string') return message;
  let rules = pluralRules.get(language);
  if (!rules) {
    rules = new Intl.PluralRules(INTL_LOCALE[language]);
    pluralRules.set(language, rules);
  }
  return message[rules.select(Number(n))] ?? message.other;
}

export function translate(language: Language, key: MessageKey, params: Record<string, unknown> = {}): string {
  const template = pluralForm(LANGUAGES[language].messages[key], language, params.n);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

function initialLanguage(): Language {
  const saved = localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'zh') return saved;
  return navigator.language.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

interface I18nValue {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children }: { children: ReactNode }) {
  const [language, setLanguageState] = useState<Language>(initialLanguage);
  const setLanguage = useCallback((next: Language) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setLanguageState(next);
  }, []);
  const t = useCallback<Translate>((key, params) => translate(language, key, params), [language]);
  const value = useMemo(() => ({ language, setLanguage, t }), [language, setLanguage, t]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}

// The language a run's programs print in, set the way Unix programs look for it: LANGUAGE, which
// gettext reads before LC_ALL, LC_MESSAGES and LANG (the demos' lab_say does the same).
import type { RunLanguage } from '../../shared/model/Lab';

/** gettext's list of preferences: for Chinese, Chinese (China) first, then any Chinese. */
export const LANGUAGE_VALUES: Record<RunLanguage, string> = { en: 'en', zh: 'zh_CN:zh' };

/** The environment with LANGUAGE set for the language; without one, the environment as it is. */
export function withLanguage(env: NodeJS.ProcessEnv, language: RunLanguage | undefined): NodeJS.ProcessEnv {
  return language ? { ...env, LANGUAGE: LANGUAGE_VALUES[language] } : env;
}

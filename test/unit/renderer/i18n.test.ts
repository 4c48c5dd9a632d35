import { describe, expect, it } from 'vitest';
import { translate } from '../../../src/renderer/src/i18n/I18n';
import type { Message } from '../../../src/renderer/src/i18n/locales';
import { en, type MessageKey } from '../../../src/renderer/src/i18n/messages.en';
import { zh } from '../../../src/renderer/src/i18n/messages.zh';

const forms = (message: Message): string[] => (typeof message === 'string' ? [message] : Object.values(message));

describe('the two languages', () => {
  it('have the same keys, no empty text, and the same {placeholders} in every plural form', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
    for (const key of Object.keys(en) as MessageKey[]) {
      const expected = placeholders(forms(en[key]).at(-1)!);
      for (const form of [...forms(en[key]), ...forms(zh[key])]) {
        expect(form.trim(), key).not.toBe('');
        expect(placeholders(form), key).toEqual(expected);
      }
    }
  });

  it('chooses the plural form with Intl.PluralRules ({n})', () => {
    expect(translate('en', 'summary.processes', { n: 1 })).toBe('1 process');
    expect(translate('en', 'summary.processes', { n: 2 })).toBe('2 processes');
    expect(translate('en', 'summary.processes', { n: 0 })).toBe('0 processes');
    expect(translate('en', 'sig.sent', { n: 1 })).toBe('sent to 1 process');
    expect(translate('zh', 'summary.processes', { n: 1 })).toBe('1 个进程');
  });

  it('says how a run ended in words that do not repeat themselves or clash with the T state', () => {
    expect(`${translate('en', 'lab.status.exited')} ${translate('en', 'lab.exit', { code: 0 })}`).toBe(
      'exited with code 0',
    );
    expect(translate('en', 'lab.status.stopped')).not.toMatch(/stopped/);
  });

  it('uses the course’s 中文 terms (孤儿进程, 僵尸进程, 收养, 回收), never 过继', () => {
    const all = Object.values(zh).flatMap(forms).join('\n');
    expect(all).not.toContain('过继');
    expect(forms(zh['tl.reparented']).join()).toMatch(/孤儿进程.*收养/);
    expect(forms(zh['kind.zombie']).join()).toBe('僵尸进程');
    expect(forms(zh['tl.reaped']).join()).toContain('回收');
  });
});

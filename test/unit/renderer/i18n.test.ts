import { describe, expect, it } from 'vitest';
import { en } from '../../../src/renderer/src/i18n/messages.en';
import { zh } from '../../../src/renderer/src/i18n/messages.zh';

describe('the two languages', () => {
  it('have the same keys, no empty text, and the same {placeholders}', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(zh[key].trim(), key).not.toBe('');
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });
});

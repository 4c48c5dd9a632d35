// The signal dialog's filter and the selection it keeps among the signals it shows.
import { describe, expect, it } from 'vitest';
import { buildSignalCatalog } from '../../../src/main/signals/signalCatalog';
import { selectedAmong, signalsMatching } from '../../../src/renderer/src/views/signalsMatching';

const catalog = buildSignalCatalog(true);
const names = (query: string, language: 'en' | 'zh' = 'en') =>
  signalsMatching(catalog, query, language).map((s) => s.name);

describe('signalsMatching', () => {
  it('matches name, exact number or meaning, common signals first', () => {
    expect(names('KILL')).toEqual(['SIGKILL']);
    expect(names('9')[0]).toBe('SIGKILL'); // then SIGRTMIN+9 and SIGRTMAX-9, by name
    expect(names('')).toHaveLength(catalog.length);
    const all = signalsMatching(catalog, '', 'en');
    expect(all.findIndex((s) => !s.common)).toBeGreaterThan(all.findLastIndex((s) => s.common));
    expect(names('no such signal')).toEqual([]);
  });
});

describe('selectedAmong', () => {
  const shown = (query: string) => signalsMatching(catalog, query, 'en');
  it('keeps the chosen signal while it is shown, else takes the first shown, else none', () => {
    expect(selectedAmong(shown('TERM'), 'SIGTERM')).toBe('SIGTERM');
    expect(selectedAmong(shown('KILL'), 'SIGTERM')).toBe('SIGKILL');
    expect(selectedAmong(shown(''), null)).toBe(shown('')[0]!.name);
    expect(selectedAmong(shown('no such signal'), 'SIGTERM')).toBeNull();
  });
});

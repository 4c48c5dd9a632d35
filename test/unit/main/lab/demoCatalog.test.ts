// The manifest is checked when it is read: a wrong group, concept or runtime is a clear error.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadDemos } from '../../../../src/main/lab/demoCatalog';

const text = { en: 'x', zh: 'x' };
const demo = (overrides: object) => ({
  id: 'd',
  group: 'fork',
  concepts: ['C6'],
  editions: [{ runtime: 'python', file: 'd.py' }],
  title: text,
  explanation: text,
  tryThis: [],
  observation: text,
  ...overrides,
});

describe('loadDemos', () => {
  const dirs: string[] = [];
  const load = (entries: object[]) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'proclab-demos-'));
    dirs.push(dir);
    writeFileSync(path.join(dir, 'demos.json'), JSON.stringify(entries));
    writeFileSync(path.join(dir, 'd.py'), 'print("hi")\n');
    return loadDemos(dir);
  };
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('orders demos by the course, keeping the manifest order within a chapter', () => {
    const demos = load([
      demo({ id: 'signals', group: 'signals' }),
      demo({ id: 'fork-b' }),
      demo({ id: 'states', group: 'processes' }),
      demo({ id: 'fork-a' }),
    ]);
    expect(demos.map((d) => d.id)).toEqual(['states', 'fork-b', 'fork-a', 'signals']);
    expect(demos[0]!.editions[0]).toEqual({
      runtime: 'python',
      file: 'd.py',
      source: 'print("hi")\n',
      args: [],
      needs: [],
    });
  });

  it('refuses an unknown group, a bad concept, no edition or an unknown runtime', () => {
    expect(() => load([demo({ group: 'misc' })])).toThrow(/unknown group "misc"/);
    expect(() => load([demo({ concepts: ['C20'] })])).toThrow(/C1\.\.C19/);
    expect(() => load([demo({ editions: [] })])).toThrow(/no editions/);
    expect(() => load([demo({ editions: [{ runtime: 'ruby', file: 'd.py' }] })])).toThrow(/unknown runtime "ruby"/);
  });
});

// The run panel's title keeps arguments whole; only absolute paths are cut to their names.
import { describe, expect, it } from 'vitest';
import { runTitle } from '../../../src/renderer/src/views/runTitle';

describe('runTitle', () => {
  it('names a demo by its interpreter and file', () => {
    expect(runTitle(['/usr/bin/python3', '/opt/ProcLab/resources/demos/zombie.py'])).toBe('python3 zombie.py');
  });

  it('keeps an argument with a slash in it whole', () => {
    expect(runTitle(['python3', '-c', 'print(1/0)'])).toBe('python3 -c print(1/0)');
    expect(runTitle(['sh', '-c', 'ls a/b | wc -l'])).toBe('sh -c ls a/b | wc -l');
  });
});

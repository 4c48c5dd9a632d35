import { describe, expect, it } from 'vitest';
import { splitCommandLine } from '../../../../src/main/lab/splitCommandLine';

describe('splitCommandLine', () => {
  it('splits words like a shell: quotes, escapes, runs of spaces', () => {
    expect(splitCommandLine('python3 homework.py')).toEqual(['python3', 'homework.py']);
    expect(splitCommandLine(`  echo  "a b"  'c  d' e\\ f ""  `)).toEqual(['echo', 'a b', 'c  d', 'e f', '']);
    expect(splitCommandLine(`sh -c 'echo "$HOME"'`)).toEqual(['sh', '-c', 'echo "$HOME"']);
    expect(splitCommandLine(`printf "say \\"hi\\""`)).toEqual(['printf', 'say "hi"']);
  });

  it('refuses what needs a shell, and broken quoting, in plain words', () => {
    expect(() => splitCommandLine('ls | wc')).toThrow(/"\|" needs a shell/);
    expect(() => splitCommandLine('echo "open')).toThrow(/double quote is not closed/);
    expect(() => splitCommandLine('   ')).toThrow(/empty/);
    expect(() => splitCommandLine('echo \\')).toThrow(/lone backslash/);
  });
});

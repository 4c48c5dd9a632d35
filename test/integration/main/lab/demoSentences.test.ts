// The demos' two languages: every sentence a Python demo says has its 中文 in lab_say_zh.py with
// the same {values}, every entry is said, nothing is printed around say() (read with Python's ast,
// test/support/demoSentences.py); lab_say (Python, sh, Node) picks the language from the
// environment as gettext does; and a demo still runs on its own from its folder.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { ChildProcesses } from '../../../support/ChildProcesses';
import { DEMOS_DIR, readSentences, sentenceProblems } from '../../../support/demoSentences';
import { waitFor } from '../../../support/waitFor';

/** An environment with no language of its own: only what a case sets. */
function bareEnv(language: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { PATH: process.env.PATH, PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8', ...language };
}

describe('what the Python demos say, and its 中文', () => {
  const report = readSentences();

  it('is said through lab_say by every Python demo', () => {
    const pythonEditions = (JSON.parse(readFileSync(path.join(DEMOS_DIR, 'demos.json'), 'utf8')) as DemoEntry[])
      .flatMap((demo) => demo.editions)
      .filter((edition) => edition.runtime === 'python')
      .map((edition) => edition.file);
    expect(report.files).toEqual([...new Set(pythonEditions)].sort());
    for (const file of report.files)
      expect(report.calls.filter((call) => call.where.startsWith(`${file}:`)).length, file).toBeGreaterThan(0);
    expect(report.catalog.length).toBeGreaterThan(100);
  });

  it('has a Chinese entry for every sentence, with the same {values}, and no entry that no demo says', () => {
    expect(sentenceProblems(report)).toEqual([]);
  });

  it('fails on a missing, a mismatched or an unused entry, a sentence made at run time, a bare print()', () => {
    const copy = mkdtempSync(path.join(os.tmpdir(), 'proclab-sentences-'));
    try {
      cpSync(DEMOS_DIR, copy, { recursive: true });
      const change = (file: string, from: string, to: string) => {
        const text = readFileSync(path.join(copy, file), 'utf8');
        expect(text, `${file} has ${from}`).toContain(from);
        writeFileSync(path.join(copy, file), text.replace(from, to));
      };
      change('lab_say_zh.py', '    "parent: I am {me}":\n        "父进程：我是 {me}",\n', '');
      change('lab_say_zh.py', '"子进程 {n}：以退出状态 {n} 退出"', '"子进程 {n}：以退出状态 {code} 退出"');
      change('lab_say_zh.py', 'CHINESE = {\n', 'CHINESE = {\n    "nobody says this": "没有人这么说",\n');
      change('orphan.py', 'say("parent: exiting now")', 'say(f"parent: exiting now {1}")');
      change('zombie.py', 'time.sleep(600)', 'print("[0] parent: still here")\ntime.sleep(600)');
      change('fork.py', 'say("child {n}: exiting with status {n}", n=n)', 'say("child {n}: exiting with status {n}")');
      const problems = sentenceProblems(readSentences(copy));
      expect(problems).toEqual(
        expect.arrayContaining([
          expect.stringMatching(/^orphan\.py:\d+: no Chinese for "parent: I am \{me\}"$/),
          expect.stringMatching(/^zombie\.py:\d+: no Chinese for "parent: I am \{me\}"$/),
          '"child {n}: exiting with status {n}": {n} in English, {code, n} in Chinese',
          'no demo says "nobody says this"',
          'no demo says "parent: exiting now"',
          expect.stringMatching(/^orphan\.py:\d+: say\(\) is given no literal sentence$/),
          expect.stringMatching(/^zombie\.py:\d+: printed around say\(\)$/),
          expect.stringMatching(/^fork\.py:\d+: "child \{n\}: exiting with status \{n\}" needs \{n\}, is given \{\}$/),
        ]),
      );
      expect(problems).toHaveLength(8);
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  });
});

interface DemoEntry {
  editions: { runtime: string; file: string }[];
}

// gettext's order: the first of LANGUAGE, LC_ALL, LC_MESSAGES, LANG that is set (not empty).
const LANGUAGE_CASES: [Record<string, string>, 'en' | 'zh'][] = [
  [{}, 'en'],
  [{ LANG: 'zh_CN.UTF-8' }, 'zh'],
  [{ LANGUAGE: 'zh_CN:zh', LANG: 'en_US.UTF-8' }, 'zh'],
  [{ LANGUAGE: 'en', LC_ALL: 'zh_CN.UTF-8' }, 'en'],
  [{ LANGUAGE: '', LC_ALL: 'zh_TW.UTF-8' }, 'zh'],
  [{ LC_MESSAGES: 'zh_CN.UTF-8', LANG: 'en_US.UTF-8' }, 'zh'],
  [{ LC_ALL: 'C.UTF-8', LC_MESSAGES: 'zh_CN.UTF-8' }, 'en'],
];

/** One line said by each edition's lab_say, the way its demos say it. */
const SAYERS = {
  python: ['python3', '-c', 'from lab_say import say; say("parent: I am {me}", me=1)'],
  sh: ['sh', '-c', '. ./lab_say.sh; say "parent: I am 1" "父进程：我是 1"'],
  node: [process.execPath, '-e', "require('./lab_say.js').say('parent: I am 1', '父进程：我是 1')"],
};

describe.each(Object.entries(SAYERS))('lab_say for %s', (_, [command, ...args]) => {
  it.each(LANGUAGE_CASES)('with %o says it in %s', (language, expected) => {
    // stderr ignored: a shell warns of a locale this machine lacks, which is not what is tested.
    const env = bareEnv(language);
    const said = execFileSync(command!, args, {
      cwd: DEMOS_DIR,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    expect(said).toMatch(expected === 'zh' ? /^\[\d+\] 父进程：我是 1\n$/ : /^\[\d+\] parent: I am 1\n$/);
  });
});

describe('a Python demo run on its own', () => {
  const children = new ChildProcesses();
  afterEach(() => children.killAll());
  afterAll(() => children.killAll());

  async function zombieDemo(cwd: string, script: string, language: Record<string, string>) {
    const demo = children.spawn('python3', [script], { cwd, env: bareEnv(language) });
    let output = '';
    demo.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const lines = await waitFor('three lines', () => {
      const done = output.split('\n').filter(Boolean);
      return done.length >= 3 && done;
    });
    return { parent: demo.pid, lines };
  }

  it('from its folder, in 中文', async () => {
    const { parent, lines } = await zombieDemo(DEMOS_DIR, 'zombie.py', { LANG: 'zh_CN.UTF-8' });
    const child = Number(/^\[\d+\] 父进程：已启动子进程 (\d+)；/m.exec(lines.join('\n'))![1]);
    expect(lines).toEqual(
      expect.arrayContaining([
        `[${parent}] 父进程：我是 ${parent}`,
        `[${parent}] 父进程：已启动子进程 ${child}；现在我只睡眠，从不调用 os.wait()`,
        `[${child}] 子进程：现在以退出状态 7 退出，但父进程不会等待我`,
      ]),
    );
  });

  it('from anywhere, by its path, in English', async () => {
    const { parent, lines } = await zombieDemo(os.tmpdir(), path.join(DEMOS_DIR, 'zombie.py'), {});
    expect(lines).toContain(`[${parent}] parent: I am ${parent}`);
  });
});

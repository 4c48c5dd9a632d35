// A demo prints in the language it is started in (startDemo's language sets LANGUAGE for the run):
// 中文 for "zh", English for "en", every line still starting with the pid of the process that
// printed it, and the pids and numbers in it the real ones; for the Python edition and for the
// sh/Node fallback.
import { describe, expect, it } from 'vitest';
import type { RunInfo } from '../../../../src/shared/model/Lab';
import { EDITIONS, pidOf, useDemoLab } from '../../../support/demoLab';
import { waitFor } from '../../../support/waitFor';

const CHINESE = /[\u4e00-\u9fff]/;

describe.each(EDITIONS)('a demo’s language, $edition edition', ({ python }) => {
  const { start, line, lines, children } = useDemoLab({ python });

  /** fork's children, as each says it: its number, its pid, and the parent it names. */
  async function forkChildren(run: RunInfo, said: (n: number) => RegExp) {
    const found = [];
    for (const n of [1, 2]) {
      const text = await line(run, said(n));
      const [, me, parent] = said(n).exec(text)!;
      expect(pidOf(text)).toBe(Number(me));
      expect(Number(parent)).toBe(run.rootPid);
      found.push(Number(me));
    }
    return found;
  }

  it('fork in 中文 with language "zh": the same pids and return values, in Chinese', async () => {
    const run = await start('fork', 'zh');
    const root = run.rootPid;
    expect(await line(run, /父进程：我是 \d+，我的父进程是 \d+$/)).toMatch(
      new RegExp(`^\\[${root}\\] 父进程：我是 ${root}，`),
    );
    const forked = await forkChildren(
      run,
      (n) => new RegExp(`子进程 ${n}：fork\\(\\) 返回 0；我是 (\\d+)，我的父进程是 (\\d+)$`),
    );
    for (const [i, pid] of forked.entries())
      await line(run, new RegExp(`^\\[${root}\\] 父进程：fork\\(\\) 返回 ${pid}（子进程 ${i + 1} 的 PID）$`));
    const byNumber = (a: number, b: number) => a - b;
    const inTable = await waitFor('both children in the table', () => children(root).length === 2 && children(root));
    expect(forked.sort(byNumber)).toEqual(inTable.map((c) => c.pid).sort(byNumber));
    expect(lines(run).filter((text) => !CHINESE.test(text))).toEqual([]);
  });

  it('fork in English with language "en"', async () => {
    const run = await start('fork', 'en');
    const root = run.rootPid;
    await line(run, new RegExp(`^\\[${root}\\] parent: I am ${root}, my parent is \\d+$`));
    await forkChildren(run, (n) => new RegExp(`child ${n}: fork\\(\\) returned 0; I am (\\d+), my parent is (\\d+)$`));
    expect(lines(run).filter((text) => CHINESE.test(text))).toEqual([]);
  });

  it('multiprocessing in 中文: its workers, other processes, print in Chinese too', async () => {
    const run = await start('multiprocessing', 'zh');
    const worker = await line(run, new RegExp(`工作进程：工作 3 秒（父进程 ${run.rootPid}）$`));
    expect(pidOf(worker)).not.toBe(run.rootPid);
    await line(run, /守护工作进程：我一直运行，直到父进程结束$/);
    expect(lines(run).filter((text) => !CHINESE.test(text))).toEqual([]);
  });
});

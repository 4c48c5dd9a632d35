import { describe, expect, it } from 'vitest';
import { formatPs } from '../../../../src/main/cli/formatPs';
import { formatCpuTime } from '../../../../src/shared/model/formatProcess';
import { formatTree } from '../../../../src/main/cli/formatTree';
import { parseCliArgs, UsageError } from '../../../../src/main/cli/parseCliArgs';
import { buildTree } from '../../../../src/shared/model/buildTree';
import { makeRecord } from '../../../support/makeRecord';

describe('CLI arguments', () => {
  it('parses each command and its options', () => {
    expect(parseCliArgs([])).toEqual({ kind: 'help' });
    expect(parseCliArgs(['ps', '--json'])).toEqual({ kind: 'ps', json: true, format: 'default', sampler: 'auto' });
    expect(parseCliArgs(['ps', '--ajx'])).toEqual({ kind: 'ps', json: false, format: 'ajx', sampler: 'auto' });
    expect(parseCliArgs(['tree', '--pid', '42'])).toEqual({ kind: 'tree', pid: 42, sampler: 'auto' });
    expect(parseCliArgs(['tree', '--sampler', 'portable'])).toMatchObject({ sampler: 'portable' });
    expect(parseCliArgs(['serve', '--sampler', 'linux-proc'])).toMatchObject({ kind: 'serve', sampler: 'linux-proc' });
    expect(parseCliArgs(['serve', '--port', '8080'])).toMatchObject({ kind: 'serve', host: '127.0.0.1', port: 8080 });
  });

  it('rejects bad arguments with a sentence that names the problem', () => {
    expect(() => parseCliArgs(['ps', '--aux', '--ajx'])).toThrow(UsageError);
    expect(() => parseCliArgs(['tree', '--pid', 'abc'])).toThrow(/--pid must be a positive process id/);
    expect(() => parseCliArgs(['serve', '--port', '70000'])).toThrow(/--port/);
    expect(() => parseCliArgs(['serve', '--token', 'short'])).toThrow(/--token/);
    expect(() => parseCliArgs(['ps', '--nope'])).toThrow(/nope/);
    expect(() => parseCliArgs(['ps', '--sampler', 'proc'])).toThrow(
      /--sampler must be one of auto, linux-proc, portable/,
    );
    expect(() => parseCliArgs(['explode'])).toThrow(/unknown command "explode"/);
  });

  it('serves beyond loopback only with --unsafe-expose', () => {
    expect(() => parseCliArgs(['serve', '--host', '0.0.0.0'])).toThrow(/not a loopback address.*--unsafe-expose/);
    expect(() => parseCliArgs(['serve', '--host', 'example.com'])).toThrow(/--unsafe-expose/);
    expect(parseCliArgs(['serve', '--host', '127.0.0.2'])).toMatchObject({ host: '127.0.0.2', unsafeExpose: false });
    expect(parseCliArgs(['serve', '--host', '::1'])).toMatchObject({ host: '::1' });
    expect(parseCliArgs(['serve', '--host', '0.0.0.0', '--unsafe-expose'])).toMatchObject({
      host: '0.0.0.0',
      unsafeExpose: true,
    });
  });
});

describe('CLI text', () => {
  it('draws the tree as pstree does', () => {
    const rows = [
      makeRecord({ pid: 1, ppid: 0, comm: 'init', startTime: 0 }),
      makeRecord({ pid: 2, ppid: 1, comm: 'sh', startTime: 1 }),
      makeRecord({ pid: 3, ppid: 2, comm: 'sleep', startTime: 2 }),
      makeRecord({ pid: 4, ppid: 1, comm: 'dead', startTime: 3, state: 'Z' }),
    ];
    expect(formatTree(buildTree(rows))).toBe(['init(1)', '├─sh(2)', '│ └─sleep(3)', '└─dead(4) <defunct>'].join('\n'));
  });

  it('prints ps columns and times', () => {
    expect(formatCpuTime(3_725_000)).toBe('01:02:05');
    expect(formatCpuTime(90_061_000)).toBe('1-01:01:01');
    const text = formatPs([makeRecord({ pid: 7, cmdline: ['sleep', '30'], stat: 'Ss' })], 'ajx');
    const [header, line] = text.split('\n');
    expect(header).toMatch(/^PPID\s+PID\s+PGID\s+SID\s+TTY\s+TPGID\s+STAT\s+UID\s+TIME COMMAND$/);
    expect(line).toMatch(/sleep 30$/);
  });
});

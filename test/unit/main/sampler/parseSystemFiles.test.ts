import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCmdline } from '../../../../src/main/sampler/parseCmdline';
import { parseLoadavg, parseMeminfo, parseProcStat, parseUptime } from '../../../../src/main/sampler/parseSystemFiles';

const fixture = (name: string) => readFileSync(path.join(__dirname, '../../../fixtures/proc', name), 'utf8');

describe('system file parsers', () => {
  it('reads per-core CPU times and the boot time from /proc/stat', () => {
    const stat = parseProcStat(fixture('proc-stat.txt'));
    expect(stat.cores).toHaveLength(2);
    for (const core of stat.cores) expect(core.total).toBeGreaterThan(core.busy);
    expect(stat.bootTimeSeconds).toBeGreaterThan(1_700_000_000);
  });

  it('reads total and available memory in bytes', () => {
    const mem = parseMeminfo(fixture('meminfo.txt'));
    expect(mem.totalBytes).toBe(24683656 * 1024);
    expect(mem.availableBytes).toBeGreaterThan(0);
    expect(mem.availableBytes).toBeLessThan(mem.totalBytes);
  });

  it('reads load averages and uptime', () => {
    const load = parseLoadavg(fixture('loadavg.txt'));
    expect(load.averages).toEqual([0.68, 0.36, 0.18]);
    expect(load.lastPid).toBe(4370);
    expect(parseLoadavg('garbage').lastPid).toBeNaN();
    expect(parseUptime(fixture('uptime.txt'))).toBeGreaterThan(0);
  });

  it('splits a NUL-separated command line, keeping spaces inside arguments', () => {
    expect(parseCmdline(fixture('cmdline-comm-with-parens.bin'))).toEqual(['/tmp/x) (y z', '300']);
    expect(parseCmdline('')).toEqual([]);
  });
});

import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIST_AT_LEAST_EVERY, NewPidWatch } from '../../../../src/main/sampler/NewPidWatch';

/** Runs one sample: whether it lists /proc, as the sampler does. */
function sample(watch: NewPidWatch, lastPid: number): boolean {
  const list = watch.mustList(lastPid);
  watch.sampled(list, lastPid);
  return list;
}

describe('NewPidWatch', () => {
  it('skips the listing while the kernel hands out no pid, once its last pid was seen to move', () => {
    const watch = new NewPidWatch('/proc/loadavg');
    expect(sample(watch, 100)).toBe(true);
    // Not yet seen to move: an emulated kernel may print a constant.
    expect(sample(watch, 100)).toBe(true);
    expect(sample(watch, 105)).toBe(true);
    expect(sample(watch, 105)).toBe(false);
    expect(sample(watch, 105)).toBe(false);
    expect(sample(watch, 106)).toBe(true);
  });

  it('lists at least every few samples, whatever the last pid says', () => {
    const watch = new NewPidWatch('/proc/loadavg');
    sample(watch, 1);
    sample(watch, 2);
    const listed = Array.from({ length: 3 * LIST_AT_LEAST_EVERY }, () => sample(watch, 2));
    expect(listed.filter(Boolean)).toHaveLength(3);
    expect(listed.indexOf(true)).toBe(LIST_AT_LEAST_EVERY - 1);
  });

  it('lists every sample when loadavg is not the kernel’s own file (LXCFS serves one over FUSE)', () => {
    const copy = new NewPidWatch(path.join(__dirname, '../../../fixtures/proc/loadavg.txt'));
    for (const lastPid of [1, 2, 2, 2, 2]) expect(sample(copy, lastPid)).toBe(true);
  });
});

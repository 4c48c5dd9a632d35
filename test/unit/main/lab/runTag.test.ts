// The run tag: the owner's start in new tags, and tags written before it still understood.
import { describe, expect, it } from 'vitest';
import { formatRunTag, parseRunTag, sameOwner } from '../../../../src/main/lab/runTag';

describe('run tags', () => {
  it('carry the owner’s pid and start, and read back the same', () => {
    const tag = { owner: { pid: 4242, startTicks: 987654 }, runId: 'a1b2c3d4' };
    expect(formatRunTag(tag)).toBe('4242:987654/a1b2c3d4');
    expect(parseRunTag(formatRunTag(tag))).toEqual(tag);
  });

  it('still read the tags of an older ProcLab, which had no start', () => {
    expect(parseRunTag('4242/a1b2c3d4')).toEqual({ owner: { pid: 4242, startTicks: null }, runId: 'a1b2c3d4' });
    expect(parseRunTag('4242:/x')).toBeNull();
    expect(parseRunTag('not a tag')).toBeNull();
  });

  it('tell a reused pid from the owner when both starts are known', () => {
    const owner = { pid: 10, startTicks: 500 };
    expect(sameOwner(owner, { pid: 10, startTicks: 500 })).toBe(true);
    expect(sameOwner(owner, { pid: 10, startTicks: 501 })).toBe(false);
    expect(sameOwner(owner, { pid: 10, startTicks: null })).toBe(true);
    expect(sameOwner(owner, { pid: 11, startTicks: 500 })).toBe(false);
  });
});

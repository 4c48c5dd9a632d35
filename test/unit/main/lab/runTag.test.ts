// The run tag: the owner’s start in new tags, tags written before it still understood, and the tag found among a process’s environment.
import { describe, expect, it } from 'vitest';
import { findRunTag, formatRunTag, parseRunTag, sameOwner } from '../../../../src/main/lab/runTag';

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

describe('finding the run tag in an environment', () => {
  const environ = (...pairs: string[]) => Buffer.from(pairs.map((p) => `${p}\0`).join(''), 'latin1');

  it('finds it first, in the middle, or last without a closing NUL', () => {
    const tag = { owner: { pid: 7, startTicks: 99 }, runId: 'beef' };
    expect(findRunTag(environ('PROCLAB_RUN=7:99/beef', 'HOME=/root'))).toEqual(tag);
    expect(findRunTag(environ('HOME=/root', 'PROCLAB_RUN=7:99/beef', 'TERM=xterm'))).toEqual(tag);
    expect(findRunTag(Buffer.from('HOME=/root\0PROCLAB_RUN=7:99/beef'))).toEqual(tag);
  });

  it('does not take a variable whose name only ends with the tag’s, nor a value that mentions it', () => {
    expect(findRunTag(environ('NOT_PROCLAB_RUN=7:99/beef'))).toBeNull();
    expect(findRunTag(environ('NOTE=PROCLAB_RUN=7:99/beef'))).toBeNull();
    expect(findRunTag(environ('HOME=/root'))).toBeNull();
    expect(findRunTag(Buffer.alloc(0))).toBeNull();
  });
});

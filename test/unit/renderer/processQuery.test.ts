import { describe, expect, it } from 'vitest';
import { parseProcessQuery } from '../../../src/renderer/src/views/processQuery';
import { makeRecord } from '../../support/makeRecord';

const rows = [
  makeRecord({ pid: 1, ppid: 0, user: 'root', comm: 'systemd', cmdline: ['/sbin/init'] }),
  makeRecord({ pid: 200, ppid: 1, user: 'alice', comm: 'sshd', cmdline: ['sshd: alice'], cpuPercent: 12 }),
  makeRecord({ pid: 300, ppid: 200, user: 'alice', comm: 'sleep', state: 'Z', stat: 'Z' }),
];
const pidsMatching = (query: string) => {
  const { predicate } = parseProcessQuery(query);
  return rows.filter((r) => !predicate || predicate(r)).map((r) => r.pid);
};

describe('the search query language', () => {
  it('matches plain words against pid, name, command line and user', () => {
    expect(pidsMatching('')).toEqual([1, 200, 300]);
    expect(pidsMatching('200')).toEqual([200]);
    expect(pidsMatching('SSH')).toEqual([200]);
    expect(pidsMatching('init')).toEqual([1]);
    expect(pidsMatching('alice')).toEqual([200, 300]);
  });

  it('understands key=value, key~regex, key>n, key<n, combined with AND', () => {
    expect(pidsMatching('state=Z')).toEqual([300]);
    expect(pidsMatching('state=z')).toEqual([300]);
    expect(pidsMatching('ppid=1')).toEqual([200]);
    expect(pidsMatching('user=alice name~^s')).toEqual([200, 300]);
    expect(pidsMatching('cpu>5')).toEqual([200]);
    expect(pidsMatching('pid<250 user=alice')).toEqual([200]);
  });

  it('reports a bad term and still applies the good ones', () => {
    const badRegex = parseProcessQuery('name~( user=root');
    expect(badRegex.error).toEqual({ term: 'name~(', reason: 'badPattern', value: '(' });
    expect(rows.filter(badRegex.predicate!).map((r) => r.pid)).toEqual([1]);
    expect(parseProcessQuery('colour=blue').error).toMatchObject({ reason: 'unknownField', value: 'colour' });
    expect(parseProcessQuery('cpu>lots').error).toMatchObject({ reason: 'notNumber', value: 'lots' });
    // A number field compared with a word is an error too, not a search that finds nothing.
    expect(parseProcessQuery('pid=abc').error).toMatchObject({ reason: 'notNumber', value: 'abc' });
    expect(parseProcessQuery('nice=').error).toMatchObject({ reason: 'notNumber', value: '' });
    expect(pidsMatching('pid=300')).toEqual([300]);
  });

  it('rejects a state letter ps does not know (state=Q), and tells t (traced) from T (stopped)', () => {
    expect(parseProcessQuery('state=Q')).toEqual({
      predicate: null,
      error: { term: 'state=Q', reason: 'badState', value: 'Q' },
    });
    expect(parseProcessQuery('stat=Sx').error).toMatchObject({ reason: 'badState' });
    expect(parseProcessQuery('stat=Ss+').error).toBeNull();
    const traced = makeRecord({ pid: 400, state: 't', stat: 't' });
    const stopped = makeRecord({ pid: 401, state: 'T', stat: 'T' });
    expect([traced, stopped].filter(parseProcessQuery('state=t').predicate!).map((r) => r.pid)).toEqual([400]);
    expect([traced, stopped].filter(parseProcessQuery('state=T').predicate!).map((r) => r.pid)).toEqual([401]);
  });
});

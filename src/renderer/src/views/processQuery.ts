// The search box's query language: plain words, and key=value, key~regex, key>n, key<n, all ANDed.
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';

export type ProcessPredicate = (p: ProcessRecord) => boolean;

export interface ParsedQuery {
  /** null when the query is empty: everything matches. */
  predicate: ProcessPredicate | null;
  /** A sentence about the first bad term; the other terms still apply. */
  error: string | null;
}

type Field = (p: ProcessRecord) => string | number | null;

const FIELDS: Record<string, Field> = {
  pid: (p) => p.pid,
  ppid: (p) => p.ppid,
  pgid: (p) => p.pgid,
  sid: (p) => p.sid,
  uid: (p) => p.uid,
  user: (p) => p.user,
  state: (p) => p.state,
  stat: (p) => p.stat,
  tty: (p) => p.tty,
  nice: (p) => p.nice,
  threads: (p) => p.threads,
  cpu: (p) => p.cpuPercent,
  mem: (p) => p.memPercent,
  name: (p) => p.comm,
  comm: (p) => p.comm,
  cmd: (p) => p.cmdline.join(' '),
};

const TERM = /^([a-z]+)(=|~|>|<)(.*)$/;

function plainText(word: string): ProcessPredicate {
  const needle = word.toLowerCase();
  return (p) =>
    String(p.pid) === needle ||
    p.comm.toLowerCase().includes(needle) ||
    p.user.toLowerCase().includes(needle) ||
    p.cmdline.some((arg) => arg.toLowerCase().includes(needle));
}

function fieldTerm(field: Field, operator: string, value: string): ProcessPredicate {
  switch (operator) {
    case '~': {
      const pattern = new RegExp(value, 'i'); // throws SyntaxError on a bad pattern
      return (p) => pattern.test(String(field(p) ?? ''));
    }
    case '>':
    case '<': {
      const limit = Number(value);
      if (value === '' || Number.isNaN(limit)) throw new Error(`"${value}" is not a number`);
      return operator === '>' ? (p) => Number(field(p)) > limit : (p) => Number(field(p)) < limit;
    }
    default: {
      const wanted = value.toLowerCase();
      return (p) => String(field(p) ?? '').toLowerCase() === wanted;
    }
  }
}

export function parseProcessQuery(query: string): ParsedQuery {
  const predicates: ProcessPredicate[] = [];
  let error: string | null = null;
  for (const word of query.trim().split(/\s+/).filter(Boolean)) {
    const term = TERM.exec(word);
    if (!term) {
      predicates.push(plainText(word));
      continue;
    }
    const [, key, operator, value] = term as unknown as [string, string, string, string];
    const field = FIELDS[key];
    try {
      if (!field) throw new Error(`unknown field "${key}" (try ${Object.keys(FIELDS).join(', ')})`);
      predicates.push(fieldTerm(field, operator, value));
    } catch (e) {
      error ??= `${word}: ${e instanceof Error ? e.message : String(e)}`;
    }
  }
  if (predicates.length === 0) return { predicate: null, error };
  return { predicate: (p) => predicates.every((matches) => matches(p)), error };
}

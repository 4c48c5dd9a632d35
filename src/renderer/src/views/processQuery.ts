// The search box's query language: plain words, and key=value, key~regex, key>n, key<n, all ANDed.
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';

export type ProcessPredicate = (p: ProcessRecord) => boolean;

/** What is wrong with one term, for a translated sentence. */
export interface QueryError {
  term: string;
  reason: 'unknownField' | 'notNumber' | 'badPattern' | 'badState';
  value: string;
}

export interface ParsedQuery {
  /** null when the query is empty: everything matches. */
  predicate: ProcessPredicate | null;
  /** The first bad term; the other terms still apply. */
  error: QueryError | null;
}

export const QUERY_FIELDS = 'pid ppid pgid sid uid user state stat tty nice threads cpu mem name cmd';

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
/** Fields whose value is a number: `pid=abc` is an error, not a search that finds nothing. */
const NUMERIC = new Set(['pid', 'ppid', 'pgid', 'sid', 'uid', 'nice', 'threads', 'cpu', 'mem']);

/** The state letters of ps(1) ("PROCESS STATE CODES") and its STAT flags. */
export const STATE_LETTERS = 'DIRSTtWXZ';
const STAT_PATTERN = new RegExp(`^[${STATE_LETTERS}][<NLsl+]*$`);

class TermError extends Error {
  constructor(
    readonly reason: QueryError['reason'],
    readonly value: string,
  ) {
    super(reason);
  }
}

/** state=z means Z; only t (traced) and T (stopped) differ by case. */
function stateValue(key: string, value: string): string {
  const letter = value === 't' ? value : value.charAt(0).toUpperCase() + value.slice(1);
  if (key === 'state' && !(letter.length === 1 && STATE_LETTERS.includes(letter)))
    throw new TermError('badState', value);
  if (key === 'stat' && !STAT_PATTERN.test(letter)) throw new TermError('badState', value);
  return letter;
}

function plainText(word: string): ProcessPredicate {
  const needle = word.toLowerCase();
  return (p) =>
    String(p.pid) === needle ||
    p.comm.toLowerCase().includes(needle) ||
    p.user.toLowerCase().includes(needle) ||
    p.cmdline.some((arg) => arg.toLowerCase().includes(needle));
}

function fieldTerm(key: string, field: Field, operator: string, value: string): ProcessPredicate {
  switch (operator) {
    case '~': {
      let pattern: RegExp;
      try {
        pattern = new RegExp(value, 'i');
      } catch {
        throw new TermError('badPattern', value);
      }
      return (p) => pattern.test(String(field(p) ?? ''));
    }
    case '>':
    case '<': {
      const limit = Number(value);
      if (value === '' || Number.isNaN(limit)) throw new TermError('notNumber', value);
      return operator === '>' ? (p) => Number(field(p)) > limit : (p) => Number(field(p)) < limit;
    }
    default: {
      if (key === 'state' || key === 'stat') {
        const wanted = stateValue(key, value);
        return (p) => field(p) === wanted;
      }
      if (NUMERIC.has(key)) {
        const wanted = Number(value);
        if (value.trim() === '' || Number.isNaN(wanted)) throw new TermError('notNumber', value);
        return (p) => field(p) === wanted;
      }
      const wanted = value.toLowerCase();
      return (p) => String(field(p) ?? '').toLowerCase() === wanted;
    }
  }
}

export function parseProcessQuery(query: string): ParsedQuery {
  const predicates: ProcessPredicate[] = [];
  let error: QueryError | null = null;
  for (const word of query.trim().split(/\s+/).filter(Boolean)) {
    const term = TERM.exec(word);
    if (!term) {
      predicates.push(plainText(word));
      continue;
    }
    const [, key, operator, value] = term as unknown as [string, string, string, string];
    const field = FIELDS[key];
    try {
      if (!field) throw new TermError('unknownField', key);
      predicates.push(fieldTerm(key, field, operator, value));
    } catch (e) {
      if (!(e instanceof TermError)) throw e;
      error ??= { term: word, reason: e.reason, value: e.value };
    }
  }
  if (predicates.length === 0) return { predicate: null, error };
  return { predicate: (p) => predicates.every((matches) => matches(p)), error };
}

// What the Python demos say and the 中文 catalog of it, as Python's ast reads them
// (demoSentences.py), and what is wrong with them: a sentence with no Chinese, values that do not
// match, an entry no demo says, a line printed around say().
import { execFileSync } from 'node:child_process';
import path from 'node:path';

export const DEMOS_DIR = path.resolve(__dirname, '../../resources/demos');

export interface SayCall {
  /** file:line */
  where: string;
  function: string;
  /** The English sentence; null when it is not a literal string (it cannot be checked). */
  sentence: string | null;
  /** The names of the keyword values the call passes. */
  values: string[];
  /** The sentence's {fields} as written in it: "n", "n:2", "echo!r". */
  fields: string[];
}

export interface CatalogEntry {
  english: string;
  chinese: string;
  englishFields: string[];
  chineseFields: string[];
}

export interface SentenceReport {
  /** The demos read (every .py but lab_say*). */
  files: string[];
  calls: SayCall[];
  catalog: CatalogEntry[];
  /** file:line of lines printed another way than through lab_say. */
  prints: string[];
  errors: string[];
}

export function readSentences(demosDir = DEMOS_DIR): SentenceReport {
  const script = path.join(__dirname, 'demoSentences.py');
  return JSON.parse(execFileSync('python3', [script, demosDir], { encoding: 'utf8' })) as SentenceReport;
}

const fieldName = (field: string) => field.split(/[!:]/)[0]!;
const list = (items: string[]) => `{${items.join(', ')}}`;

/** Every problem of the report, one sentence each; [] when the demos and their catalog agree. */
export function sentenceProblems(report: SentenceReport): string[] {
  const problems = [...report.errors, ...report.prints.map((where) => `${where}: printed around say()`)];
  const catalog = new Map(report.catalog.map((entry) => [entry.english, entry]));
  const said = new Set<string>();
  for (const call of report.calls) {
    if (call.sentence === null) {
      problems.push(`${call.where}: ${call.function}() is given no literal sentence`);
      continue;
    }
    said.add(call.sentence);
    const names = [...new Set(call.fields.map(fieldName))].sort();
    if (names.join() !== call.values.join())
      problems.push(`${call.where}: "${call.sentence}" needs ${list(names)}, is given ${list(call.values)}`);
    if (!catalog.has(call.sentence)) problems.push(`${call.where}: no Chinese for "${call.sentence}"`);
  }
  for (const entry of report.catalog) {
    if (!said.has(entry.english)) problems.push(`no demo says "${entry.english}"`);
    if (entry.englishFields.join() !== entry.chineseFields.join())
      problems.push(
        `"${entry.english}": ${list(entry.englishFields)} in English, ${list(entry.chineseFields)} in Chinese`,
      );
  }
  return problems;
}

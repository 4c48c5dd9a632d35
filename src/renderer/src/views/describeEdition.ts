// Which edition of a demo runs, in words: "Python 3 · fork.py", or the fallback and why.
import { RUNTIME_COMMANDS, type DemoEdition, type DemoRuntime, type RunEdition } from '../../../shared/model/Lab';
import type { Translate } from '../i18n/I18n';

/** The edition the lab will run (the first available), with the commands missing before it. */
export function expectedEdition(editions: DemoEdition[]): Pick<RunEdition, 'runtime' | 'file' | 'missing'> | null {
  const missing: string[] = [];
  for (const edition of editions) {
    if (edition.available) return { runtime: edition.runtime, file: edition.file, missing };
    const command = RUNTIME_COMMANDS[edition.runtime];
    if (!missing.includes(command)) missing.push(command);
  }
  return null;
}

const RUNTIME_NAMES: Record<DemoRuntime, string> = { python: 'Python 3', sh: 'sh', node: 'Node.js' };

export function describeEdition(t: Translate, edition: Pick<RunEdition, 'runtime' | 'file' | 'missing'>): string {
  const runtime = RUNTIME_NAMES[edition.runtime];
  if (edition.missing.length === 0) return t('lab.edition', { runtime, file: edition.file });
  return t('lab.editionFallback', { runtime, file: edition.file, missing: edition.missing.join(', ') });
}

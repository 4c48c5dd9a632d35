// Reads the demo programs' manifest (resources/demos/demos.json) and their source text, checks it,
// and orders the demos as the course does (COURSE_GROUPS).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { COURSE_GROUPS, RUNTIME_COMMANDS, type DemoInfo, type DemoRuntime } from '../../shared/model/Lab';
import type { DemoRuntimes } from './demoRuntimes';

export interface EditionDefinition {
  runtime: DemoRuntime;
  file: string;
  source: string;
  args: string[];
  /** Other runtimes its program starts (a sh edition that starts a node helper). */
  needs: DemoRuntime[];
}

export interface DemoDefinition extends Omit<DemoInfo, 'editions'> {
  editions: EditionDefinition[];
}

type ManifestEntry = Omit<DemoDefinition, 'editions'> & {
  editions: { runtime: DemoRuntime; file: string; args?: string[]; needs?: DemoRuntime[] }[];
};

const CONCEPT = /^C(1[0-9]|[1-9])$/;

export function loadDemos(demosDir: string): DemoDefinition[] {
  const manifest = JSON.parse(readFileSync(path.join(demosDir, 'demos.json'), 'utf8')) as ManifestEntry[];
  const demos = manifest.map((entry) => {
    checkEntry(entry);
    return {
      ...entry,
      editions: entry.editions.map((e) => ({
        runtime: e.runtime,
        file: e.file,
        source: readFileSync(path.join(demosDir, e.file), 'utf8'),
        args: e.args ?? [],
        needs: e.needs ?? [],
      })),
    };
  });
  // A stable sort: within a group, the manifest's order.
  return demos.sort((a, b) => COURSE_GROUPS.indexOf(a.group) - COURSE_GROUPS.indexOf(b.group));
}

/** The demos as the contract shows them: each edition says whether it can run here. */
export function describeDemos(demos: DemoDefinition[], runtimes: DemoRuntimes): DemoInfo[] {
  return demos.map((demo) => ({
    ...demo,
    editions: demo.editions.map(({ runtime, file, source, needs }) => ({
      runtime,
      file,
      source,
      available: runtimes.available({ runtime, needs }),
    })),
  }));
}

function checkEntry(entry: ManifestEntry): void {
  const problem = (what: string) => new Error(`demos.json: demo "${entry.id}": ${what}`);
  if (!COURSE_GROUPS.includes(entry.group)) throw problem(`unknown group "${entry.group}"`);
  const badConcept = entry.concepts.find((c) => !CONCEPT.test(c));
  if (entry.concepts.length === 0 || badConcept !== undefined)
    throw problem(`concepts must be C1..C19, got ${JSON.stringify(entry.concepts)}`);
  if (!Array.isArray(entry.editions) || entry.editions.length === 0) throw problem('no editions');
  for (const edition of entry.editions) {
    for (const runtime of [edition.runtime, ...(edition.needs ?? [])])
      if (!(runtime in RUNTIME_COMMANDS)) throw problem(`unknown runtime "${runtime}"`);
  }
}

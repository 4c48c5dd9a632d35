// What a run starts, decided and checked before anything is spawned: a demo's first edition whose
// programs are found here (Python first), or the user's own command line in a directory that exists.
import { statSync } from 'node:fs';
import path from 'node:path';
import { ProcLabFailure } from '../../shared/contract/errors';
import { RUNTIME_COMMANDS, type RunEdition } from '../../shared/model/Lab';
import type { DemoDefinition } from './demoCatalog';
import type { DemoRuntimes } from './demoRuntimes';
import { CommandLineError, splitCommandLine } from './splitCommandLine';

export interface RunLaunch {
  demoId: string | null;
  argv: string[];
  cwd: string;
  /** The demo's edition that runs; null for the user's own command. */
  edition: RunEdition | null;
}

export function demoLaunch(
  demos: DemoDefinition[],
  demoId: string,
  runtimes: DemoRuntimes,
  demosDir: string,
): RunLaunch {
  const demo = demos.find((d) => d.id === demoId);
  if (!demo) throw new ProcLabFailure('INVALID_ARGUMENT', `no demo called "${demoId}"`);
  const chosen = runtimes.choose(demo.editions);
  if (!chosen) {
    const wanted = [...new Set(demo.editions.map((e) => RUNTIME_COMMANDS[e.runtime]))].join(' or ');
    throw new ProcLabFailure('UNSUPPORTED', `demo "${demoId}" needs ${wanted}, and none was found on this machine`);
  }
  const { edition, interpreter, missing } = chosen;
  return {
    demoId: demo.id,
    argv: [interpreter, path.join(demosDir, edition.file), ...edition.args],
    cwd: demosDir,
    edition: { runtime: edition.runtime, file: edition.file, interpreter, missing },
  };
}

export function commandLaunch(commandLine: string, cwd: string): RunLaunch {
  let argv: string[];
  try {
    argv = splitCommandLine(commandLine);
  } catch (error) {
    if (error instanceof CommandLineError)
      throw new ProcLabFailure('INVALID_ARGUMENT', `bad command line: ${error.message}`);
    throw error;
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(cwd).isDirectory();
  } catch {
    // reported below
  }
  if (!isDirectory)
    throw new ProcLabFailure('INVALID_ARGUMENT', `working directory ${cwd} does not exist or is not a directory`);
  return { demoId: null, argv, cwd, edition: null };
}

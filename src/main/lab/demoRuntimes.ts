// The one place that finds the programs running demo editions: python3 (3.8 or newer) and node on
// PATH, and /bin/sh. A demo runs its first edition whose programs are all found.
import { execFile, execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import path from 'node:path';
import { RUNTIME_COMMANDS, type DemoRuntime } from '../../shared/model/Lab';

/**
 * The Python editions are written for Python 3.8 and newer, standard library only. The check
 * prints the interpreter itself: a `python3` on PATH may be a launcher script (pyenv's shim is a
 * bash script that forks helpers, then execs Python), and a demo's first process should be Python.
 */
const PYTHON_CHECK = 'import sys; print(sys.executable if sys.version_info >= (3, 8) else "")';
/**
 * Generous: a pyenv shim on a loaded machine can take seconds, and a timeout would silently swap
 * the Python edition for the fallback.
 */
const CHECK_TIMEOUT_MS = 30_000;

/** What an edition needs: its own runtime, and any other its program starts (sh starting node). */
export interface EditionNeeds {
  runtime: DemoRuntime;
  needs: DemoRuntime[];
}

export interface ChosenEdition<E> {
  edition: E;
  interpreter: string;
  /** Commands of the editions before it that were not found, e.g. ["python3"]. */
  missing: string[];
}

export class DemoRuntimes {
  /** python3 on PATH + its mtime → the interpreter it runs, or null if older than 3.8 (asked once). */
  private readonly pythonChecked = new Map<string, string | null>();

  /** `searchPath` is the PATH to look in; the lab's own by default. */
  constructor(private readonly searchPath: () => string = () => process.env.PATH ?? '') {}

  /**
   * The environment a demo edition runs in. Python: UTF-8 output whatever the locale (the demos
   * print 老司机开车了), and no PYTHONUNBUFFERED, which makes print() write the text and its newline
   * separately so two processes' lines interleave; the demos flush each whole line themselves.
   */
  environmentFor(runtime: DemoRuntime, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
    const result: NodeJS.ProcessEnv = { ...env };
    const node = this.find('node');
    if (node) result.PROCLAB_NODE = node; // the sh editions start their node helpers with it
    if (runtime === 'python') {
      delete result.PYTHONUNBUFFERED;
      result.PYTHONIOENCODING = 'utf-8';
      // The demos import lab_say: leave no __pycache__ in resources/demos (read-only when packaged).
      result.PYTHONDONTWRITEBYTECODE = '1';
    }
    return result;
  }

  /** Whether every program the edition needs is found here. */
  available(edition: EditionNeeds): boolean {
    return this.missingOf(edition).length === 0;
  }

  /** The first edition that can run here (editions are in order of preference), or null. */
  choose<E extends EditionNeeds>(editions: E[]): ChosenEdition<E> | null {
    const missing: string[] = [];
    for (const edition of editions) {
      const absent = this.missingOf(edition);
      const interpreter = this.find(edition.runtime);
      if (absent.length === 0 && interpreter) return { edition, interpreter, missing };
      for (const command of absent) if (!missing.includes(command)) missing.push(command);
    }
    return null;
  }

  private missingOf(edition: EditionNeeds): string[] {
    return [edition.runtime, ...edition.needs]
      .filter((runtime) => this.find(runtime) === null)
      .map((runtime) => RUNTIME_COMMANDS[runtime]);
  }

  /** The program that runs `runtime` here, or null when it is not found (or too old). */
  find(runtime: DemoRuntime): string | null {
    switch (runtime) {
      case 'sh':
        return isExecutable('/bin/sh') ? '/bin/sh' : null;
      case 'python':
        return this.findPython();
      case 'node':
        // Under plain Node (browser mode, tests) that Node; inside Electron a node on PATH, since
        // the packaged app cannot turn itself into Node (ELECTRON_RUN_AS_NODE is fused off).
        return process.versions.electron ? this.onPath('node') : process.execPath;
    }
  }

  /**
   * Asks python3 for its version without blocking, so that the first list of demos does not wait
   * for a python3 to start (a pyenv shim takes a second) with the event loop stopped.
   */
  async prepare(): Promise<void> {
    const found = this.onPath('python3');
    if (!found || this.pythonChecked.has(pythonKey(found))) return;
    const printed = await new Promise<string | null | 'timed out'>((resolve) =>
      execFile(found, ['-I', '-c', PYTHON_CHECK], { encoding: 'utf8', timeout: CHECK_TIMEOUT_MS }, (error, stdout) =>
        resolve(error?.killed ? 'timed out' : error ? null : stdout),
      ),
    );
    // A check that only ran out of time says nothing about python3: the lookup asks again.
    if (printed !== 'timed out') this.pythonChecked.set(pythonKey(found), interpreterOf(found, printed));
  }

  private findPython(): string | null {
    const found = this.onPath('python3');
    if (!found) return null;
    const key = pythonKey(found);
    let interpreter = this.pythonChecked.get(key);
    if (interpreter === undefined) {
      let printed: string | null;
      try {
        printed = execFileSync(found, ['-I', '-c', PYTHON_CHECK], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'ignore'],
          timeout: CHECK_TIMEOUT_MS,
        });
      } catch (error) {
        // A check that only ran out of time says nothing about python3: ask again next time.
        if ((error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return null;
        printed = null;
      }
      interpreter = interpreterOf(found, printed);
      this.pythonChecked.set(key, interpreter);
    }
    return interpreter;
  }

  private onPath(command: string): string | null {
    for (const dir of this.searchPath().split(path.delimiter)) {
      if (!dir) continue;
      const candidate = path.join(dir, command);
      if (isExecutable(candidate)) return candidate;
    }
    return null;
  }
}

/** A python3 is asked once, and again when its file changes. */
function pythonKey(file: string): string {
  return `${file}:${statSync(file).mtimeMs}`;
}

/** What PYTHON_CHECK printed (null: it failed): the interpreter to run, or null when too old. */
function interpreterOf(found: string, printed: string | null): string | null {
  const executable = printed?.trim() ?? '';
  return executable === '' ? null : isExecutable(executable) ? executable : found;
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

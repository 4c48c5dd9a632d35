// A lab run's program on pipes, where python3 (which runs the lab's terminal) is missing: no TTY,
// stdout and stderr both shown, typed input echoed here since no line discipline does it.
import { spawn } from 'node:child_process';
import { InputNotReadError, MAX_UNREAD_INPUT_BYTES, type RunProcess, type RunProcessOptions } from './RunProcess';

export function startOnPipes(options: RunProcessOptions): RunProcess {
  const { argv, cwd, tag, events } = options;
  const [command, ...args] = argv as [string, ...string[]];
  // detached: a new session and process group, so terminal keys sent with kill(-pgid) reach the
  // run's group, and ProcLab's own terminal (Ctrl+C on `npm start`) does not.
  const child = spawn(command, args, {
    cwd,
    env: { ...options.env, [tag.name]: tag.value },
    detached: true,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  if (child.pid !== undefined) events.onStarted(child.pid);
  let open = 2;
  const outputs = [child.stdout!, child.stderr!];
  for (const output of outputs) {
    output.on('data', events.onOutput);
    output.on('end', () => --open === 0 && events.onOutputEnd());
  }
  child.stdin!.on('error', () => undefined);
  child.on('error', (error) => events.onExit({ code: null, signal: null, failure: error.message }));
  child.on('exit', (code, signal) => events.onExit({ code, signal, failure: null }));
  return {
    terminal: false,
    release: () => undefined,
    pauseOutput: () => outputs.forEach((output) => output.pause()),
    resumeOutput: () => outputs.forEach((output) => output.resume()),
    write: (data) => {
      if (child.stdin!.writableLength > MAX_UNREAD_INPUT_BYTES) throw new InputNotReadError();
      // Enter sends CR; a program on a pipe expects LF.
      if (child.stdin!.writable) child.stdin!.write(data.replaceAll('\r', '\n'));
      events.onOutput(Buffer.from(data.replaceAll('\r', '\r\n')));
    },
    resize: () => undefined,
    close: async () => undefined,
  };
}

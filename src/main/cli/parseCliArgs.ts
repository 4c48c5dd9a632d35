// Turns `proclab <command> [options]` into a typed command, or a clear usage error.
import { parseArgs } from 'node:util';
import type { SamplerChoice } from '../sampler/createSampler';
import { isLoopbackHost } from '../transport/loopback';
import type { PsFormat } from './formatPs';

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | {
      kind: 'serve';
      host: string;
      port: number;
      token: string | undefined;
      unsafeExpose: boolean;
      sampler: SamplerChoice;
    }
  | { kind: 'ps'; json: boolean; format: PsFormat; sampler: SamplerChoice }
  | { kind: 'tree'; pid: number | undefined; sampler: SamplerChoice };

export class UsageError extends Error {}

export const USAGE = `Usage: proclab <command> [options]

Commands:
  serve [--host H] [--port P] [--token T] [--unsafe-expose]
                      serve the ProcLab UI in browser mode and print its URL
                      (default host 127.0.0.1, a free port, a random token);
                      a host beyond loopback needs --unsafe-expose: anyone with
                      the token can then run programs as you, over plain HTTP
  ps [--json] [--aux | --ajx]
                      one snapshot of every process, as ps text or a JSON array
  tree [--pid N]      the process tree, as pstree prints it (from PID N)
  help                this text

Options:
  --sampler S         serve, ps, tree: auto (default: /proc on Linux, ps elsewhere),
                      linux-proc, or portable (what macOS gets, to try it on Linux)
  -h, --help          this text
  -v, --version       ProcLab's version`;

const SAMPLERS: readonly SamplerChoice[] = ['auto', 'linux-proc', 'portable'];
const samplerOption = { sampler: { type: 'string' } } as const;

function toSampler(text: string | undefined): SamplerChoice {
  if (text === undefined) return 'auto';
  const choice = SAMPLERS.find((s) => s === text);
  if (!choice) throw new UsageError(`--sampler must be one of ${SAMPLERS.join(', ')}, not "${text}"`);
  return choice;
}

function toPort(text: string): number {
  const port = Number(text);
  if (!/^\d+$/.test(text) || port > 65535)
    throw new UsageError(`--port must be a number from 0 to 65535, not "${text}"`);
  return port;
}

function toPid(text: string): number {
  const pid = Number(text);
  if (!/^\d+$/.test(text) || pid < 1) throw new UsageError(`--pid must be a positive process id, not "${text}"`);
  return pid;
}

export function parseCliArgs(argv: string[]): CliCommand {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') return { kind: 'help' };
  if (command === '--version' || command === '-v') return { kind: 'version' };
  try {
    return parseCommand(command, rest);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    // node:util parseArgs explains unknown options and missing values in its message.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

function parseCommand(command: string, args: string[]): CliCommand {
  switch (command) {
    case 'serve': {
      const { values } = parseArgs({
        args,
        options: {
          host: { type: 'string' },
          port: { type: 'string' },
          token: { type: 'string' },
          ...samplerOption,
          'unsafe-expose': { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      });
      if (values.help) return { kind: 'help' };
      if (values.token !== undefined && !/^[A-Za-z0-9_-]{16,128}$/.test(values.token)) {
        throw new UsageError('--token must be 16 to 128 characters of A-Z, a-z, 0-9, _ or -');
      }
      const host = values.host ?? '127.0.0.1';
      const unsafeExpose = values['unsafe-expose'] ?? false;
      if (!isLoopbackHost(host) && !unsafeExpose) {
        throw new UsageError(
          `--host ${host} is not a loopback address: anyone who reaches it with the token could run programs ` +
            'as you, and the token would cross the network in clear (no TLS). Add --unsafe-expose to do it anyway.',
        );
      }
      return {
        kind: 'serve',
        host,
        port: values.port ? toPort(values.port) : 0,
        token: values.token,
        unsafeExpose,
        sampler: toSampler(values.sampler),
      };
    }
    case 'ps': {
      const { values } = parseArgs({
        args,
        options: {
          json: { type: 'boolean' },
          aux: { type: 'boolean' },
          ajx: { type: 'boolean' },
          ...samplerOption,
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
      });
      if (values.help) return { kind: 'help' };
      if (values.aux && values.ajx) throw new UsageError('choose one of --aux and --ajx');
      const format = values.aux ? 'aux' : values.ajx ? 'ajx' : 'default';
      return { kind: 'ps', json: values.json ?? false, format, sampler: toSampler(values.sampler) };
    }
    case 'tree': {
      const { values } = parseArgs({
        args,
        options: { pid: { type: 'string' }, ...samplerOption, help: { type: 'boolean', short: 'h' } },
        strict: true,
      });
      if (values.help) return { kind: 'help' };
      const pid = values.pid === undefined ? undefined : toPid(values.pid);
      return { kind: 'tree', pid, sampler: toSampler(values.sampler) };
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

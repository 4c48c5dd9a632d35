// The `proclab` command: serve (browser mode), ps and tree.
import { buildTree, findNode } from '../../shared/model/buildTree';
import { createSampler, type SamplerChoice } from '../sampler/createSampler';
import { PROCLAB_VERSION } from '../service/version';
import { formatPs } from './formatPs';
import { formatTree } from './formatTree';
import { parseCliArgs, UsageError, USAGE, type CliCommand } from './parseCliArgs';
import { serveBrowserMode } from './serveBrowserMode';

async function sampleOnce(choice: SamplerChoice) {
  const sampler = createSampler(choice);
  try {
    return await sampler.sample();
  } finally {
    sampler.close();
  }
}

async function run(command: CliCommand): Promise<number> {
  switch (command.kind) {
    case 'help':
      console.log(USAGE);
      return 0;
    case 'version':
      console.log(PROCLAB_VERSION);
      return 0;
    case 'serve':
      await serveBrowserMode(command);
      return 0;
    case 'ps': {
      const rows = [...(await sampleOnce(command.sampler)).rows.values()].sort((a, b) => a.pid - b.pid);
      console.log(command.json ? JSON.stringify(rows, null, 2) : formatPs(rows, command.format));
      return 0;
    }
    case 'tree': {
      const roots = buildTree((await sampleOnce(command.sampler)).rows.values());
      if (command.pid === undefined) {
        console.log(formatTree(roots));
        return 0;
      }
      const node = findNode(roots, command.pid);
      if (!node) {
        console.error(`proclab: no process with pid ${command.pid}`);
        return 1;
      }
      console.log(formatTree([node]));
      return 0;
    }
  }
}

export async function main(argv: string[]): Promise<void> {
  let command: CliCommand;
  try {
    command = parseCliArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`proclab: ${error.message}\nRun "proclab --help" for usage.`);
    process.exitCode = 2;
    return;
  }
  try {
    process.exitCode = await run(command);
  } catch (error) {
    console.error(`proclab: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

void main(process.argv.slice(2));

// The contract's lab methods: demos, runs of demos and of the user's own commands, their output,
// their terminal (typing, size, keys), stopping, and leftovers of an earlier ProcLab.
import os from 'node:os';
import { ProcLabFailure } from '../../shared/contract/errors';
import type { LabSupervisor } from '../lab/LabSupervisor';
import type { RunProcessFeed } from '../lab/RunProcessFeed';
import type { MethodHandlers } from './ProcLabService';

type LabMethods =
  | 'listDemos'
  | 'startDemo'
  | 'runCommand'
  | 'writeTerminal'
  | 'resizeTerminal'
  | 'sendTerminalKey'
  | 'stopRun'
  | 'listRuns'
  | 'getRunOutput'
  | 'getRunProcesses'
  | 'findLeftovers'
  | 'cleanLeftovers';

export function createLabHandlers(
  lab: () => LabSupervisor,
  runFeed: () => RunProcessFeed,
): Pick<MethodHandlers, LabMethods> {
  return {
    listDemos: async () => lab().listDemos(),
    startDemo: async ({ demoId, language }) => lab().startDemo(demoId, language),
    runCommand: async ({ commandLine, cwd, language }) => lab().runCommand(commandLine, cwd ?? os.homedir(), language),
    writeTerminal: async ({ runId, data }) => {
      lab().writeTerminal(runId, data);
      return { runId };
    },
    resizeTerminal: async ({ runId, cols, rows }) => {
      lab().resizeTerminal(runId, { cols, rows });
      return { runId, cols, rows };
    },
    sendTerminalKey: async ({ runId, key }) => lab().terminalKey(runId, key),
    stopRun: async ({ runId }) => lab().stopRun(runId),
    listRuns: async () => lab().listRuns(),
    getRunOutput: async ({ runId }) => lab().output(runId),
    getRunProcesses: async ({ runId }) => runFeed().current(runId),
    findLeftovers: async () => lab().findLeftovers(),
    cleanLeftovers: async () => lab().cleanLeftovers(),
  };
}

export function labUnavailable(): never {
  throw new ProcLabFailure('UNSUPPORTED', 'the demo lab needs Linux /proc to find and stop every process of a run');
}

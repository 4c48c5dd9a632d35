// How a process ended, in words: its status or signal, or that ProcLab could not observe it.
import type { Translate } from '../i18n/I18n';
import type { ExitInfo } from './DisplayRow';

export function describeExit(t: Translate, exit: ExitInfo): string {
  const how = exit.signal
    ? t('runTree.killedBy', { signal: exit.signal })
    : exit.exitCode != null
      ? t('runTree.exitStatus', { code: exit.exitCode })
      : t('runTree.exitNotObserved');
  return exit.wasZombie ? `${how} · ${t('runTree.reaped')}` : how;
}

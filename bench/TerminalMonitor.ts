// btop or htop running under a private tmux server, as a user would have them in a terminal, for their CPU and RSS.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cmdlineOf } from './procStat';

export type MonitorName = 'btop' | 'htop';

/** Both refresh once a second, like ProcLab's default; btop's own default is 2 s. */
const COMMANDS: Record<MonitorName, string> = { btop: 'exec btop', htop: 'exec htop -d 10' };

export function isInstalled(name: MonitorName | 'tmux'): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

export class TerminalMonitor {
  private stopped = false;

  private constructor(
    readonly name: MonitorName,
    private readonly home: string,
    readonly pid: number,
  ) {}

  /** Starts it in a 200x50 pane with a fresh home (no user's config), or null when it or tmux is missing. */
  static start(name: MonitorName): TerminalMonitor | null {
    if (!isInstalled('tmux') || !isInstalled(name)) return null;
    const home = mkdtempSync(path.join(os.tmpdir(), `proclab-bench-${name}-`));
    mkdirSync(path.join(home, '.config/btop'), { recursive: true });
    writeFileSync(path.join(home, '.config/btop/btop.conf'), 'update_ms = 1000\n');
    const env = { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), LANG: 'C.UTF-8' };
    const tmux = (...args: string[]) =>
      execFileSync('tmux', ['-S', path.join(home, 'tmux.sock'), ...args], { env, encoding: 'utf8' });
    tmux('new-session', '-d', '-x', '200', '-y', '50', COMMANDS[name]);
    // The pane runs the command with exec, so the pane's pid is the monitor itself.
    const pid = Number(tmux('list-panes', '-F', '#{pane_pid}').trim());
    const monitor = new TerminalMonitor(name, home, pid);
    process.once('exit', () => monitor.stop());
    return monitor;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    spawnSync('tmux', ['-S', path.join(this.home, 'tmux.sock'), 'kill-server']);
    // Normally it ended with its tmux server; if not, this pid is still the monitor we started.
    if (path.basename(cmdlineOf(this.pid)[0] ?? '') === this.name) process.kill(this.pid, 'SIGKILL');
    rmSync(this.home, { recursive: true, force: true });
  }
}

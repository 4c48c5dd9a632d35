// Maps uids to user names from /etc/passwd, re-reading it at most every few seconds for unknown uids.
import { readFileSync } from 'node:fs';

const RELOAD_AFTER_MS = 10_000;

export function parsePasswd(text: string): Map<number, string> {
  const names = new Map<number, string>();
  for (const line of text.split('\n')) {
    const [name, , uid] = line.split(':');
    if (name && uid !== undefined && !names.has(Number(uid))) names.set(Number(uid), name);
  }
  return names;
}

export class UserNames {
  private names = new Map<number, string>();
  private loadedAt = -Infinity;

  constructor(private readonly passwdPath = '/etc/passwd') {
    this.reload();
  }

  nameOf(uid: number): string {
    const name = this.names.get(uid);
    if (name !== undefined) return name;
    if (Date.now() - this.loadedAt > RELOAD_AFTER_MS) {
      this.reload();
      return this.names.get(uid) ?? String(uid);
    }
    return String(uid);
  }

  private reload(): void {
    this.loadedAt = Date.now();
    try {
      this.names = parsePasswd(readFileSync(this.passwdPath, 'utf8'));
    } catch {
      // No readable passwd (a container, macOS without it): numeric names are the fallback.
    }
  }
}

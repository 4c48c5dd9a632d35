// app of the Electron stand-in: ready once its Chromium runs; window-all-closed and the quit
// sequence as Electron runs them (before-quit, windows close, will-quit, quit, exit). Every event it
// emits is reported to the test.
import { EventEmitter } from 'node:events';
import type { BrowserWindow } from './BrowserWindow';
import { closeChromium, startChromium } from './chromium';
import { preventableEvent } from './preventableEvent';
import { report } from './report';

class App extends EventEmitter {
  /** The harness runs the unpackaged build (process.resourcesPath is unset too: builtPaths uses out/). */
  readonly isPackaged = false;
  readonly windows = new Set<BrowserWindow>();
  private readonly ready: Promise<void>;
  private quitting = false;

  constructor() {
    super();
    // Like Electron, ready comes after the main script's first turn, once Chromium runs.
    this.ready = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => startChromium())
      .then(({ cdpEndpoint, chromiumPid, userDataDir }) => {
        report({ type: 'ready', cdpEndpoint, chromiumPid, userDataDir });
        this.emit('ready', preventableEvent(), {});
      });
  }

  override emit(name: string | symbol, ...args: unknown[]): boolean {
    report({ type: 'app-event', name: String(name) });
    return super.emit(name, ...args);
  }

  whenReady(): Promise<void> {
    return this.ready;
  }

  quit(): void {
    void this.runQuit();
  }

  /** Each window calls this once it is gone. Windows closed by a quit do not count (Electron). */
  windowClosed(): void {
    if (this.windows.size > 0 || this.quitting) return;
    if (this.listenerCount('window-all-closed') > 0) this.emit('window-all-closed');
    else this.quit();
  }

  private async runQuit(): Promise<void> {
    if (this.quitting) return;
    const beforeQuit = preventableEvent();
    this.emit('before-quit', beforeQuit);
    if (beforeQuit.defaultPrevented) return;
    this.quitting = true;
    const closed = await Promise.all([...this.windows].map((window) => window.requestClose()));
    const willQuit = preventableEvent();
    if (!closed.includes(false)) this.emit('will-quit', willQuit);
    if (closed.includes(false) || willQuit.defaultPrevented) {
      this.quitting = false;
      return;
    }
    this.emit('quit', preventableEvent(), 0);
    await closeChromium().catch((error: unknown) => console.error('[electron stand-in] closing Chromium:', error));
    process.exit(0);
  }
}

export const app = new App();

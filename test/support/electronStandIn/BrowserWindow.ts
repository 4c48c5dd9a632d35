// BrowserWindow of the Electron stand-in: a Chromium page of the size asked for. It models only a
// sandboxed, context-isolated window without Node in the page, so it refuses any other settings.
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { app } from './App';
import { newWindowPage } from './chromium';
import { preventableEvent } from './preventableEvent';
import { report } from './report';
import { WebContents } from './WebContents';

interface WebPreferences {
  preload?: string;
  contextIsolation?: boolean;
  sandbox?: boolean;
  nodeIntegration?: boolean;
  [setting: string]: unknown;
}

interface BrowserWindowOptions {
  width?: number;
  height?: number;
  show?: boolean;
  webPreferences?: WebPreferences;
  [option: string]: unknown;
}

let nextId = 1;

export class BrowserWindow extends EventEmitter {
  static getAllWindows(): BrowserWindow[] {
    return [...app.windows];
  }

  readonly id = nextId++;
  readonly webContents: WebContents;
  private visible: boolean;

  constructor(options: BrowserWindowOptions = {}) {
    super();
    // Electron's defaults: isolated, sandboxed, no Node. The renderer side models nothing else.
    const { preload, contextIsolation = true, sandbox = true, nodeIntegration = false } = options.webPreferences ?? {};
    if (!contextIsolation || !sandbox || nodeIntegration) {
      throw new Error('the Electron stand-in models only isolated, sandboxed windows without Node');
    }
    if (preload !== undefined && !path.isAbsolute(preload)) throw new Error('preload must be an absolute path');
    this.visible = options.show ?? true;
    const size = { width: options.width ?? 800, height: options.height ?? 600 };
    const page = newWindowPage().then(async (opened) => {
      await opened.setViewportSize(size);
      return opened;
    });
    this.webContents = new WebContents(page, preload);
    app.windows.add(this);
    report({ type: 'window-created', id: this.id, options });
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show'));
    this.webContents.once('destroyed', () => {
      app.windows.delete(this);
      this.emit('closed');
      app.windowClosed();
    });
    app.emit('web-contents-created', preventableEvent(), this.webContents);
    app.emit('browser-window-created', preventableEvent(), this);
  }

  loadFile(file: string): Promise<void> {
    return this.webContents.loadFile(file);
  }

  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  show(): void {
    this.visible = true;
  }

  hide(): void {
    this.visible = false;
  }

  isVisible(): boolean {
    return this.visible;
  }

  isDestroyed(): boolean {
    return this.webContents.isDestroyed();
  }

  close(): void {
    void this.requestClose();
  }

  destroy(): void {
    void this.webContents.close();
  }

  /** 'close' may be vetoed; otherwise the window goes, and this resolves once it is gone. */
  requestClose(): Promise<boolean> {
    const event = preventableEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return Promise.resolve(false);
    const closed = new Promise<boolean>((resolve) => this.once('closed', () => resolve(true)));
    this.destroy();
    return closed;
  }
}

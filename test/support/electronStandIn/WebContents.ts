// webContents of the Electron stand-in: one Chromium page driven through Playwright, with the
// Electron events ProcLab listens to, and IPC both ways (send, and invokes from its preload).
import { EventEmitter } from 'node:events';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Frame, Page, Request, Route } from 'playwright-core';
import { cloneLikeElectron } from './cloneLikeElectron';
import { ipcMain, type SenderFrame } from './IpcMain';
import { preventableEvent } from './preventableEvent';
import { EVENTS_BINDING, INVOKE_BINDING, rendererInitScript } from './rendererInitScript';
import { report } from './report';
import { decodeStructured, encodeStructured } from './structuredCodec.cjs';

type WindowOpenHandler = (details: { url: string; frameName: string; features: string; disposition: string }) => {
  action: 'allow' | 'deny';
};

/** Electron's WebFrameMain as the IPC event shows it: read live from the frame. */
class FrameOfPage implements SenderFrame {
  constructor(private readonly frame: Frame) {}
  get url(): string {
    return this.frame.url();
  }
  get parent(): SenderFrame | null {
    const parent = this.frame.parentFrame();
    return parent ? new FrameOfPage(parent) : null;
  }
}

let nextId = 1;

export class WebContents extends EventEmitter {
  readonly id = nextId++;
  private page: Page | null = null;
  private readonly pageReady: Promise<Page>;
  private destroyed = false;
  /** Events sent and not yet taken by the page, and the page's call waiting for them. */
  private pendingEvents: string[] = [];
  private waitingPage: ((events: string[]) => void) | null = null;
  private windowOpenHandler: WindowOpenHandler | null = null;
  /** Navigations asked for by loadURL are not renderer-initiated: no will-navigate for them. */
  private loadingByApi = false;

  constructor(page: Promise<Page>, preload: string | undefined) {
    super();
    this.pageReady = page.then((opened) => this.attach(opened, preload));
  }

  private async attach(page: Page, preload: string | undefined): Promise<Page> {
    this.page = page;
    page.on('close', () => this.markDestroyed());
    page.on('console', (message) => {
      if (message.type() === 'error') this.reportConsoleError(message.text());
    });
    page.on('pageerror', (error) => this.reportConsoleError(error.message));
    page.on('popup', (popup) => this.onPopup(popup));
    if (preload) {
      await page.exposeBinding(INVOKE_BINDING, (source, channel: string, payload: string) =>
        this.receiveInvoke(source.frame, channel, payload),
      );
      // The preload's world asks for the next events in turn (a long poll), so they keep their order.
      await page.exposeBinding(EVENTS_BINDING, () => this.nextEvents());
      await page.addInitScript(rendererInitScript(preload));
    }
    await page.route(/^https?:/, (route, request) => this.onRequest(route, request));
    return page;
  }

  async loadURL(url: string): Promise<void> {
    const page = await this.pageReady;
    this.loadingByApi = true;
    try {
      await page.goto(url);
    } catch (error) {
      this.emit('did-fail-load', preventableEvent(), -2, String(error), url);
      throw error;
    } finally {
      this.loadingByApi = false;
    }
    report({ type: 'loaded', webContentsId: this.id, url: page.url() });
    this.emit('did-finish-load');
  }

  loadFile(file: string): Promise<void> {
    return this.loadURL(pathToFileURL(path.resolve(file)).href);
  }

  getURL(): string {
    return this.page?.url() ?? '';
  }

  /** Clones at once (throwing like Electron); the page's ipcRenderer gets it on its next poll. */
  send(channel: string, ...args: unknown[]): void {
    if (this.destroyed) throw new Error('Object has been destroyed');
    this.pendingEvents.push(
      encodeStructured({ channel, args: cloneLikeElectron(args, 'Failed to serialize arguments') }),
    );
    if (this.waitingPage) {
      const resolve = this.waitingPage;
      this.waitingPage = null;
      resolve(this.takeEvents());
    }
  }

  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Closes the page; 'destroyed' follows when Chromium has closed it. */
  async close(): Promise<void> {
    const page = await this.pageReady;
    await page.close();
  }

  private async receiveInvoke(frame: Frame, channel: string, payload: string): Promise<string> {
    const event = { sender: this, senderFrame: frame.isDetached() ? null : new FrameOfPage(frame) };
    const reply = await ipcMain.receiveInvoke(event, channel, decodeStructured(payload) as unknown[]);
    return encodeStructured(reply);
  }

  private nextEvents(): Promise<string[]> {
    if (this.pendingEvents.length > 0) return Promise.resolve(this.takeEvents());
    return new Promise((resolve) => (this.waitingPage = resolve));
  }

  private takeEvents(): string[] {
    const events = this.pendingEvents;
    this.pendingEvents = [];
    return events;
  }

  private onPopup(popup: Page): void {
    const url = popup.url();
    const details = { url, frameName: '', features: '', disposition: 'new-window' };
    const { action } = this.windowOpenHandler?.(details) ?? { action: 'allow' };
    report({ type: 'window-open', url, action });
    if (action === 'deny') void popup.close();
  }

  /** Renderer-initiated navigations of the main frame to http(s): Playwright can hold those. */
  private async onRequest(route: Route, request: Request): Promise<void> {
    if (this.loadingByApi || !request.isNavigationRequest() || request.frame() !== this.page?.mainFrame()) {
      return route.continue();
    }
    const event = preventableEvent();
    this.emit('will-navigate', event, request.url());
    report({ type: 'will-navigate', url: request.url(), prevented: event.defaultPrevented });
    return event.defaultPrevented ? route.abort('aborted') : route.continue();
  }

  private reportConsoleError(text: string): void {
    report({ type: 'console-error', webContentsId: this.id, text });
  }

  private markDestroyed(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.pendingEvents = [];
    this.waitingPage = null;
    this.emit('destroyed');
  }
}

// ipcMain of the Electron stand-in: handle/removeHandler, and what the main process does when a
// page's ipcRenderer.invoke arrives (run the handler, clone its answer, report errors as Electron).
import { EventEmitter } from 'node:events';
import { cloneLikeElectron } from './cloneLikeElectron';

/** The parts of Electron's WebFrameMain the event carries. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: SenderFrame | null;
}

export interface InvokeEvent<Sender> {
  sender: Sender;
  /** Null once the frame is gone, as in Electron. */
  senderFrame: SenderFrame | null;
}

export type InvokeReply = { result: unknown } | { error: string };

type InvokeHandler = (event: InvokeEvent<unknown>, ...args: unknown[]) => unknown;

export class IpcMain extends EventEmitter {
  private readonly handlers = new Map<string, InvokeHandler>();

  handle(channel: string, handler: InvokeHandler): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof handler !== 'function') {
      throw new Error(`Expected handler to be a function, but found type '${typeof handler}'`);
    }
    this.handlers.set(channel, handler);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  /** The reply Electron sends back for one invoke; the renderer turns an error into a rejection. */
  async receiveInvoke<Sender>(event: InvokeEvent<Sender>, channel: string, args: unknown[]): Promise<InvokeReply> {
    const handler = this.handlers.get(channel);
    try {
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      const result = await handler(event as InvokeEvent<unknown>, ...args);
      return { result: cloneLikeElectron(result, 'An object could not be cloned.') };
    } catch (error) {
      console.error(`Error occurred in handler for '${channel}':`, error);
      return { error: String(error) };
    }
  }
}

export const ipcMain = new IpcMain();

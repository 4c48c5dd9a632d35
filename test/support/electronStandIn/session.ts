// session of the Electron stand-in: the default session's hooks. The window loads file://, where
// Electron runs no webRequest hooks, and CDP offers no hook for permission prompts, so each hook is
// asked once with a sample when it is set, and its answer reported for the test to check.
import { report } from './report';

type ResponseHeaders = Record<string, string[]>;
type HeadersListener = (
  details: { url: string; method: string; resourceType: string; statusCode: number; responseHeaders: ResponseHeaders },
  callback: (answer: { cancel?: boolean; responseHeaders?: ResponseHeaders }) => void,
) => void;
type PermissionHandler = (
  contents: null,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string },
) => void;

const SAMPLE_PERMISSIONS = ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal'];

class Session {
  readonly webRequest = {
    onHeadersReceived(listener: HeadersListener): void {
      const sample = {
        url: 'https://sample.invalid/',
        method: 'GET',
        resourceType: 'mainFrame',
        statusCode: 200,
        responseHeaders: { 'Content-Type': ['text/html'] },
      };
      listener(sample, (answer) => report({ type: 'session-probe', hook: 'onHeadersReceived', answer }));
    },
  };

  setPermissionRequestHandler(handler: PermissionHandler): void {
    for (const permission of SAMPLE_PERMISSIONS) {
      const answer = (granted: boolean) =>
        report({ type: 'session-probe', hook: `permission ${permission}`, answer: granted });
      handler(null, permission, answer, { requestingUrl: 'https://sample.invalid/' });
    }
  }
}

export const session = { defaultSession: new Session() };

// The page's Content-Security-Policy, the same in the Electron window and in browser mode.

const STRICT_DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  // React and uPlot set style attributes at run time; no inline <style> is needed otherwise.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  // 'self' also covers the page's own ws:// origin (CSP 3), which browser mode and Vite's HMR use.
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // frame-ancestors is not allowed in a <meta> policy; browser mode sends X-Frame-Options instead.
];

/** Production: the built page from file:// and browser mode. */
export const CONTENT_SECURITY_POLICY = STRICT_DIRECTIVES.join('; ');

/**
 * `npm run dev` only: the Vite dev server's page starts with React refresh's inline preamble
 * script, which the strict policy blocks (a blank window, "can't detect preamble").
 */
export const DEV_SERVER_CONTENT_SECURITY_POLICY = STRICT_DIRECTIVES.map((directive) =>
  directive === "script-src 'self'" ? "script-src 'self' 'unsafe-inline'" : directive,
).join('; ');

/** The policy for the page the window loads: the dev server's when there is one. */
export function contentSecurityPolicyFor(devServerUrl: string | undefined): string {
  return devServerUrl ? DEV_SERVER_CONTENT_SECURITY_POLICY : CONTENT_SECURITY_POLICY;
}

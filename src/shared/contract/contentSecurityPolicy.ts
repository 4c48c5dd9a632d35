// The page's Content-Security-Policy, the same in the Electron window and in browser mode.

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // React and uPlot set style attributes at run time; no inline <style> is needed otherwise.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  // frame-ancestors is not allowed in a <meta> policy; browser mode sends X-Frame-Options instead.
].join('; ');

// Reads an HTTP request's path and query without ever throwing: a client may send any bytes as the target.

export interface RequestTarget {
  /** The percent-decoded path; null when it does not decode (a stray `%`, bytes that are not UTF-8, a NUL). */
  path: string | null;
  query: URLSearchParams;
}

export function parseRequestTarget(target: string | undefined): RequestTarget {
  const raw = target ?? '/';
  const queryStart = raw.indexOf('?');
  const rawPath = queryStart < 0 ? raw : raw.slice(0, queryStart);
  // URLSearchParams leaves escapes it cannot decode as they are; it does not throw.
  const query = new URLSearchParams(queryStart < 0 ? '' : raw.slice(queryStart + 1));
  return { path: decodePath(rawPath), query };
}

function decodePath(rawPath: string): string | null {
  if (!rawPath.startsWith('/')) return null;
  let path: string;
  try {
    path = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  return path.includes('\0') ? null : path;
}

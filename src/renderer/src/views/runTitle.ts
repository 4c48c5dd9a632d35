// A run's title: its command line as typed, short enough for the run panel's header.

/** Absolute paths (the interpreter, the demo file) are cut to their names; other arguments stay whole. */
export function runTitle(argv: readonly string[]): string {
  return argv.map((arg) => (arg.startsWith('/') ? arg.slice(arg.lastIndexOf('/') + 1) : arg)).join(' ');
}

// Prints benchmark rows as one Markdown table, each target marked ok or MISSED.

export const ms = (n: number) => `${n.toFixed(1)} ms`;
export const kb = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
export const mb = (n: number) => `${(n / 2 ** 20).toFixed(1)} MiB`;

export interface Row {
  metric: string;
  values: string[];
  target: string;
  /** null: a figure without a target. */
  pass: boolean | null;
}

export function printTable(rows: Row[], headers: string[]): void {
  const cells = [
    headers,
    ...rows.map((r) => [r.metric, ...r.values, r.target, r.pass === null ? '' : r.pass ? 'ok' : 'MISSED']),
  ];
  const widths = headers.map((_, i) => Math.max(...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => (cell ?? '').padEnd(widths[i]!)).join(' | ')} |`;
  console.log(line(cells[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of cells.slice(1)) console.log(line(row));
}

// The timeline as a file: CSV for a spreadsheet, JSON for a program; oldest first, in the words shown.
import type { TimelineEntry } from '../store/timelineEntries';
import type { FormattedEntry } from './formatTimelineEntry';

type Format = (entry: TimelineEntry) => FormattedEntry;

const CSV_COLUMNS = ['time', 'epochMs', 'kind', 'pid', 'startTime', 'comm', 'text'] as const;

/** RFC 4180: a field with a comma, quote or line break is quoted, and its quotes doubled. */
function csvField(value: string | number): string {
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function row(entry: TimelineEntry, format: Format) {
  return {
    time: new Date(entry.at).toISOString(),
    epochMs: entry.at,
    kind: entry.kind,
    pid: entry.pid,
    startTime: entry.startTime,
    comm: entry.comm,
    text: format(entry).text,
  };
}

export function timelineCsv(entries: readonly TimelineEntry[], format: Format): string {
  const lines = [CSV_COLUMNS.join(',')];
  for (const entry of entries) {
    const values = row(entry, format);
    lines.push(CSV_COLUMNS.map((column) => csvField(values[column])).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function timelineJson(entries: readonly TimelineEntry[], format: Format): string {
  return JSON.stringify(
    entries.map((entry) => ({ ...row(entry, format), detail: entry.detail })),
    null,
    2,
  );
}

/** Saves text as a file through the browser's download (Electron asks where to save it). */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

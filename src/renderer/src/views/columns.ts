// The process columns: how each is read, sorted and printed; and the ps aux / ps ajx / htop presets.
import { commandText, formatBytes, formatCpuTime } from '../../../shared/model/formatProcess';
import type { ProcessRecord } from '../../../shared/model/ProcessRecord';
import type { Language } from '../i18n/locales';
import type { MessageKey } from '../i18n/messages.en';
import { formatStartTime } from '../i18n/formatTime';

export interface ColumnDef {
  /** The header as ps/htop print it (not translated: it is what the tools say). */
  header: string;
  /** The long name, translated, shown on hover and in the column menu. */
  titleKey: MessageKey;
  /** Pixels, sized for the longest usual value; the command column (0) takes what is left. */
  width: number;
  align: 'left' | 'right';
  sortValue: (p: ProcessRecord) => number | string;
  text: (p: ProcessRecord, language: Language) => string;
  /** The default direction when first sorted by it: biggest first for usage columns. */
  descendingFirst?: boolean;
  /**
   * Its values are never wider than the column, so its cells are drawn without a clip: each clip
   * is a paint property node, and hundreds of them made every frame of a scroll cost more.
   */
  fits?: boolean;
}

const num = (pick: (p: ProcessRecord) => number) => ({
  sortValue: pick,
  text: (p: ProcessRecord) => String(pick(p)),
  fits: true,
});

export const COLUMNS = {
  pid: { header: 'PID', titleKey: 'col.pid', width: 64, align: 'right', ...num((p) => p.pid) },
  ppid: { header: 'PPID', titleKey: 'col.ppid', width: 64, align: 'right', ...num((p) => p.ppid) },
  pgid: { header: 'PGID', titleKey: 'col.pgid', width: 64, align: 'right', ...num((p) => p.pgid) },
  sid: { header: 'SID', titleKey: 'col.sid', width: 64, align: 'right', ...num((p) => p.sid) },
  tpgid: { header: 'TPGID', titleKey: 'col.tpgid', width: 64, align: 'right', ...num((p) => p.tpgid) },
  uid: { header: 'UID', titleKey: 'col.uid', width: 60, align: 'right', ...num((p) => p.uid) },
  user: {
    header: 'USER',
    titleKey: 'col.user',
    width: 76,
    align: 'left',
    sortValue: (p) => p.user,
    text: (p) => p.user,
  },
  tty: {
    header: 'TTY',
    titleKey: 'col.tty',
    width: 60,
    align: 'left',
    sortValue: (p) => p.tty ?? '',
    text: (p) => p.tty ?? '?',
  },
  stat: {
    header: 'STAT',
    titleKey: 'col.stat',
    width: 52,
    align: 'left',
    sortValue: (p) => p.stat,
    text: (p) => p.stat,
  },
  state: {
    header: 'S',
    titleKey: 'col.state',
    width: 36,
    align: 'left',
    sortValue: (p) => p.state,
    text: (p) => p.state,
  },
  nice: { header: 'NI', titleKey: 'col.nice', width: 48, align: 'right', ...num((p) => p.nice) },
  priority: { header: 'PRI', titleKey: 'col.priority', width: 48, align: 'right', ...num((p) => p.priority) },
  threads: {
    header: 'NLWP',
    titleKey: 'col.threads',
    width: 60,
    align: 'right',
    ...num((p) => p.threads),
    descendingFirst: true,
  },
  cpu: {
    header: '%CPU',
    titleKey: 'col.cpu',
    width: 66, // "%MEM" and its sort mark, whole
    align: 'right',
    sortValue: (p) => p.cpuPercent,
    text: (p) => p.cpuPercent.toFixed(1),
    descendingFirst: true,
    fits: true,
  },
  mem: {
    header: '%MEM',
    titleKey: 'col.mem',
    width: 66, // "%MEM" and its sort mark, whole
    align: 'right',
    sortValue: (p) => p.memPercent,
    text: (p) => p.memPercent.toFixed(1),
    descendingFirst: true,
    fits: true,
  },
  rss: {
    header: 'RSS',
    titleKey: 'col.rss',
    width: 72,
    align: 'right',
    sortValue: (p) => p.rssBytes,
    text: (p) => formatBytes(p.rssBytes),
    descendingFirst: true,
    fits: true,
  },
  vsz: {
    header: 'VSZ',
    titleKey: 'col.vsz',
    width: 72,
    align: 'right',
    sortValue: (p) => p.vszBytes,
    text: (p) => formatBytes(p.vszBytes),
    descendingFirst: true,
    fits: true,
  },
  start: {
    header: 'START',
    titleKey: 'col.start',
    width: 68,
    align: 'right',
    sortValue: (p) => p.startTime,
    text: (p, language) => formatStartTime(p.startTime, language),
    fits: true,
  },
  time: {
    header: 'TIME',
    titleKey: 'col.time',
    width: 72,
    align: 'right',
    sortValue: (p) => p.cpuTimeMs,
    text: (p) => formatCpuTime(p.cpuTimeMs),
    descendingFirst: true,
  },
  command: {
    header: 'COMMAND',
    titleKey: 'col.command',
    width: 0,
    align: 'left',
    sortValue: (p) => commandText(p),
    text: commandText,
  },
} satisfies Record<string, ColumnDef>;

export type ColumnId = keyof typeof COLUMNS;
export const COLUMN_IDS = Object.keys(COLUMNS) as ColumnId[];

export const PRESETS = {
  aux: ['user', 'pid', 'cpu', 'mem', 'vsz', 'rss', 'tty', 'stat', 'start', 'time', 'command'],
  ajx: ['ppid', 'pid', 'pgid', 'sid', 'tty', 'tpgid', 'stat', 'uid', 'time', 'command'],
  htop: ['pid', 'user', 'priority', 'nice', 'vsz', 'rss', 'state', 'cpu', 'mem', 'time', 'command'],
} satisfies Record<string, ColumnId[]>;

export type PresetId = keyof typeof PRESETS;

// A run's terminal (xterm.js): shows its output with colours, sends what is typed into it (keys
// such as Ctrl+C are bytes the run's line discipline turns into signals), and follows its size.
// Loaded on demand: the monitor never pays for it.
import { FitAddon } from '@xterm/addon-fit';
import { Terminal } from '@xterm/xterm';
import '@xterm/xterm/css/xterm.css';
import { useEffect, useRef } from 'react';
import type { ReconnectingClient } from '../client/ReconnectingClient';
import { useI18n, type Translate } from '../i18n/I18n';
import type { RunOutputStore } from '../store/RunOutputStore';
import { currentTerminalTheme } from '../views/terminalTheme';
import { TerminalPieceWriter, type TerminalNotes } from '../views/TerminalPieceWriter';

/** The most one writeTerminal call carries (the contract's limit); a paste goes in several. */
const MAX_WRITE_CHARS = 4096;
const SCROLLBACK_LINES = 5_000;

interface RunTerminalProps {
  client: ReconnectingClient;
  store: RunOutputStore;
  runId: string;
  /** False for a run on pipes: there, LF alone must return to the start of the line. */
  onTerminal: boolean;
  onError: (message: string | null) => void;
}

function notesIn(t: Translate, format: (n: number) => string): TerminalNotes {
  return {
    binary: (bytes) => t('lab.terminal.binary', { bytes: format(bytes) }),
    cut: (keptBytes) => t('lab.terminal.cut', { kib: Math.round(keptBytes / 1024) }),
    cutDone: (skippedBytes) => t('lab.terminal.cutDone', { bytes: format(skippedBytes) }),
    dropped: (chars) => t('lab.terminal.dropped', { chars: format(chars) }),
  };
}

export default function RunTerminal({ client, store, runId, onTerminal, onError }: RunTerminalProps) {
  const { t, language } = useI18n();
  const host = useRef<HTMLDivElement>(null);
  // Notes use the language of the moment they are written; a language switch keeps the terminal.
  const notes = useRef<TerminalNotes>(null);
  const reportError = useRef(onError);
  useEffect(() => {
    notes.current = notesIn(t, (n) => n.toLocaleString(language === 'zh' ? 'zh-CN' : 'en'));
    reportError.current = onError;
  });

  useEffect(() => {
    const terminal = new Terminal({
      convertEol: !onTerminal,
      scrollback: SCROLLBACK_LINES,
      fontFamily: "ui-monospace, 'DejaVu Sans Mono', Menlo, 'Noto Sans Mono CJK SC', monospace",
      fontSize: 13,
      theme: currentTerminalTheme(),
    });
    const fit = new FitAddon();
    terminal.loadAddon(fit);
    terminal.open(host.current!);
    const writer = new TerminalPieceWriter(
      (data) => terminal.write(data),
      () => notes.current!,
    );
    writer.replay(store.view(runId));
    const stopOutput = store.subscribe(runId, (update) => {
      if (update === 'reset') {
        terminal.reset();
        writer.replay(store.view(runId));
      } else writer.pieces(update);
    });
    const report = (r: { ok: boolean; error?: { message: string } }) =>
      reportError.current(r.ok ? null : (r.error?.message ?? null));
    const typing = terminal.onData((data) => {
      for (let i = 0; i < data.length; i += MAX_WRITE_CHARS)
        void client.call('writeTerminal', { runId, data: data.slice(i, i + MAX_WRITE_CHARS) }).then(report);
    });
    const sendSize = () => void client.call('resizeTerminal', { runId, cols: terminal.cols, rows: terminal.rows });
    const resizing = terminal.onResize(sendSize);
    fit.fit();
    sendSize();
    const sizeWatcher = new ResizeObserver(() => {
      // Hidden (the view by process is shown): nothing to measure.
      if (host.current?.offsetParent) fit.fit();
    });
    sizeWatcher.observe(host.current!);
    const themeWatcher = new MutationObserver(() => (terminal.options.theme = currentTerminalTheme()));
    themeWatcher.observe(document.documentElement, { attributes: true, attributeFilter: ['data-theme'] });
    return () => {
      themeWatcher.disconnect();
      sizeWatcher.disconnect();
      resizing.dispose();
      typing.dispose();
      stopOutput();
      terminal.dispose();
    };
  }, [client, store, runId, onTerminal]);

  return <div className="run-terminal" ref={host} data-testid="run-terminal" aria-label={t('lab.terminal.label')} />;
}

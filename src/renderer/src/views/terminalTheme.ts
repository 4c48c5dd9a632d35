// The run terminal's colours in the light and dark themes: the page's own colours for background,
// text and selection, and an ANSI palette readable on each background.
import type { ITheme } from '@xterm/xterm';

const ANSI = {
  light: {
    black: '#24292f',
    red: '#cf222e',
    green: '#116329',
    yellow: '#4d2d00',
    blue: '#0969da',
    magenta: '#8250df',
    cyan: '#1b7c83',
    white: '#6e7781',
    brightBlack: '#57606a',
    brightRed: '#a40e26',
    brightGreen: '#1a7f37',
    brightYellow: '#633c01',
    brightBlue: '#218bff',
    brightMagenta: '#a475f9',
    brightCyan: '#3192aa',
    brightWhite: '#8c959f',
  },
  dark: {
    black: '#484f58',
    red: '#ff7b72',
    green: '#3fb950',
    yellow: '#d29922',
    blue: '#58a6ff',
    magenta: '#bc8cff',
    cyan: '#39c5cf',
    white: '#b1bac4',
    brightBlack: '#6e7681',
    brightRed: '#ffa198',
    brightGreen: '#56d364',
    brightYellow: '#e3b341',
    brightBlue: '#79c0ff',
    brightMagenta: '#d2a8ff',
    brightCyan: '#56d4dd',
    brightWhite: '#f0f6fc',
  },
};

/** The theme the page shows now (data-theme on <html>, set by useTheme). */
export function currentTerminalTheme(): ITheme {
  const root = document.documentElement;
  const css = getComputedStyle(root);
  const color = (name: string) => css.getPropertyValue(name).trim();
  return {
    ...ANSI[root.dataset.theme === 'dark' ? 'dark' : 'light'],
    background: color('--panel-2'),
    foreground: color('--text'),
    cursor: color('--accent'),
    cursorAccent: color('--panel-2'),
    selectionBackground: color('--selected'),
    selectionForeground: color('--selected-text'),
  };
}

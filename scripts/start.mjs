// npm start: the desktop window where Electron's binary is installed, browser mode otherwise.
// It never loads the electron package itself: on first use that would try to download the binary.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const extraArgs = process.argv.slice(2);

function electronBinary() {
  const electronDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function hasDisplay() {
  return process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

function run(command, args, env = process.env) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 0)));
}

if (!existsSync(path.join(root, 'out', 'main', 'cli.js'))) {
  console.error('ProcLab is not built yet: run "npm run build" (npm install does it for you).');
  process.exit(1);
}

const binary = electronBinary();
if (binary && hasDisplay()) {
  const env = { ...process.env };
  // Inherited from a parent that ran Electron as Node, it would stop the window from opening.
  delete env.ELECTRON_RUN_AS_NODE;
  run(binary, ['.', ...extraArgs], env);
} else {
  const why = binary
    ? 'there is no display to open a window on'
    : "Electron's binary is not installed (it could not be downloaded)";
  console.log(`ProcLab: ${why}; serving the same UI in browser mode instead.`);
  run(process.execPath, [path.join(root, 'out', 'main', 'cli.js'), 'serve', ...extraArgs]);
}

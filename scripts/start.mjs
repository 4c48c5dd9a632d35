// npm start (and npm run dev with --dev): runs the built launcher, src/main/launcher/start.ts.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const launcher = path.join(root, 'out', 'main', 'start.js');

if (!existsSync(launcher) || !existsSync(path.join(root, 'out', 'main', 'cli.js'))) {
  console.error('ProcLab is not built yet: run "npm run build" (npm install does it for you).');
  process.exit(1);
}
await createRequire(import.meta.url)(launcher).startFromCommandLine(process.argv.slice(2));

// npm run bench:peers: what a user pays for ProcLab (server + page) next to btop and htop, in one run.
// Flags: --window S (each CPU window, default 30), --minutes M (churn before reading the page's
// memory, default 5), --sizes 1000,5000,10000, --profile DIR (CPU profiles, top self time printed).
// For profiles that name the page's functions, build with `npx electron-vite build --mode profile`
// and run `node --import tsx bench/peers.ts --profile DIR`; their CPU figures include the profilers.
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { formatSelfTimes, type CpuProfile } from './cpuProfile';
import { peerRows } from './peerRows';
import { printTable } from './table';
import { benchSize, CHURN_LIFETIME_SECONDS, CHURN_PER_SECOND, saveProfiles, type SizeResult } from './userCostBench';

const { values: flags } = parseArgs({
  options: {
    window: { type: 'string', default: '30' },
    minutes: { type: 'string', default: '5' },
    sizes: { type: 'string', default: '1000,5000,10000' },
    profile: { type: 'string' },
  },
});

function printProfiles(dir: string, results: SizeResult[]): void {
  for (const result of results) {
    saveProfiles(dir, result);
    console.log(`\nlong frames at ${result.idle} idle (ms since load):`);
    for (const frame of result.longFramesDescribed) console.log(`  ${frame}`);
    for (const { name, profile } of result.profiles) console.log(`\n${formatSelfTimes(name, profile)}`);
    const serverDir = path.join(dir, `server-${result.idle}`);
    for (const file of readdirSync(serverDir)) {
      const profile = JSON.parse(readFileSync(path.join(serverDir, file), 'utf8')) as CpuProfile;
      console.log(`\n${formatSelfTimes(`server main thread, ${result.idle} idle, whole run`, profile)}`);
    }
  }
}

async function main(): Promise<void> {
  const windowSeconds = Number(flags.window);
  const minutes = Number(flags.minutes);
  const sizes = flags.sizes.split(',').map(Number);
  const profileDir = flags.profile ? path.resolve(flags.profile) : null;
  const results: SizeResult[] = [];
  for (const idle of sizes) {
    // Churn at the two sizes the targets name; the page's memory is followed at the first.
    const churn = idle <= 5000;
    const churnMinutes = idle === sizes[0] ? minutes : 0;
    console.error(
      `${idle} idle processes: ${windowSeconds} s quiet` +
        (churn ? `, then ${CHURN_PER_SECOND} spawns/s for ${Math.max(churnMinutes * 60, windowSeconds + 5)} s` : '') +
        ` (load ${os.loadavg()[0]!.toFixed(1)})...`,
    );
    results.push(await benchSize(idle, { windowSeconds, churn, churnMinutes, profileDir }));
  }
  console.log(
    `\nProcLab's server and page (headless Chromium) against btop and htop, all refreshing once a second, ` +
      `measured together over the same ${windowSeconds} s windows; CPU in % of one core from /proc/PID/stat; ` +
      `churn: ${CHURN_PER_SECOND} processes/s each living ${CHURN_LIFETIME_SECONDS} s.\n`,
  );
  printTable(peerRows(results), ['metric', ...results.map((r) => `${r.idle.toLocaleString('en')} idle`), 'target', '']);
  if (profileDir) {
    console.log('\nProfiled run: the server ran under --cpu-prof, so its CPU figures above include the profiler.');
    printProfiles(profileDir, results);
  }
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});

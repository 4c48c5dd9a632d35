// electron-builder.yml: valid, consistent with the build, and the package it makes (electron-builder
// --dir, run for real on a stand-in Electron) has every part where the packaged app looks for it.
import * as asar from '@electron/asar';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { minimatch } from 'minimatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  builtDemosDir,
  builtLabWatcherEntry,
  builtTerminalScript,
  builtPreloadScript,
  builtRendererPage,
  builtWorkerEntry,
  type AppLayout,
} from '../../../src/main/builtPaths';
import { loadDemos } from '../../../src/main/lab/demoCatalog';
import { SamplerThread } from '../../../src/main/sampler/SamplerThread';

const ROOT = path.resolve(__dirname, '../../..');
/** @electron/fuses finds the fuse wire after this sentinel: version 1, length, one byte per fuse. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Electron 45's defaults: runAsNode on, cookie encryption off, NODE_OPTIONS on, --inspect on, … */
const DEFAULT_FUSE_WIRE = '10110001';

function loadBuilderConfig() {
  return getConfig(ROOT, null, null);
}

/** The pixels of an 8-bit RGBA PNG without interlacing (what scripts/drawIcon.mjs writes). */
function decodePng(file: string): { width: number; height: number; pixels: Buffer } {
  const png = readFileSync(file);
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  for (let at = 8; at < png.length;) {
    const length = png.readUInt32BE(at);
    const type = png.toString('ascii', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IHDR') [width, height] = [data.readUInt32BE(0), data.readUInt32BE(4)];
    if (type === 'IDAT') idat.push(data);
    at += 12 + length;
  }
  return { width, height, pixels: zlib.inflateSync(Buffer.concat(idat)) };
}

describe('electron-builder.yml', () => {
  it('is valid for electron-builder, with the id, name, targets and categories of a desktop app', async () => {
    const config = await loadBuilderConfig();
    await validateConfiguration(config, new DebugLogger(false));
    expect(config).toMatchObject({
      appId: 'org.proclab.desktop',
      productName: 'ProcLab',
      linux: { target: ['AppImage', 'deb'], category: 'System' },
      mac: { target: 'dmg', category: 'public.app-category.developer-tools' },
      electronFuses: { runAsNode: false },
    });
  });

  it('names only files that exist: each asarUnpack pattern matches built files, the demos and the icon are there', async () => {
    const config = await loadBuilderConfig();
    const built = readdirSync(path.join(ROOT, 'out'), { recursive: true, encoding: 'utf8' });
    for (const pattern of [config.asarUnpack ?? []].flat()) {
      expect(
        built.filter((file) => minimatch(`out/${file}`, pattern)),
        pattern,
      ).not.toEqual([]);
    }
    for (const resource of [config.extraResources ?? []].flat()) {
      const from = typeof resource === 'string' ? resource : resource.from!;
      expect(existsSync(path.join(ROOT, from)), from).toBe(true);
    }
    const icon = decodePng(path.join(ROOT, 'build/icon.png'));
    expect([icon.width, icon.height]).toEqual([512, 512]);
  });

  it('has the icon scripts/drawIcon.mjs draws', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'proclab-icon-'));
    try {
      const drawn = path.join(dir, 'icon.png');
      const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts/drawIcon.mjs'), drawn], {
        encoding: 'utf8',
      });
      expect(result.status, result.stderr).toBe(0);
      const [committed, fresh] = [decodePng(path.join(ROOT, 'build/icon.png')), decodePng(drawn)];
      expect(fresh.pixels.length).toBe(committed.pixels.length);
      // Compressed bytes may differ between zlib versions; the pixels may not (one step of rounding).
      expect(fresh.pixels.every((value, i) => Math.abs(value - committed.pixels[i]!) <= 1)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the package electron-builder makes (Linux, unpacked, on a stand-in Electron)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'proclab-package-'));
  const appDir = path.join(dir, 'pack', 'linux-unpacked');
  const resources = path.join(appDir, 'resources');
  const archive = path.join(resources, 'app.asar');
  /** What process.resourcesPath and __dirname are inside the packaged app. */
  const layout: AppLayout = { mainDir: path.join(archive, 'out', 'main'), resourcesPath: resources };
  const inArchive = (file: string) => path.relative(archive, file);

  beforeAll(async () => {
    const dist = path.join(dir, 'electron-dist');
    mkdirSync(path.join(dist, 'resources'), { recursive: true });
    const binary = `#!/bin/sh\nexit 0\n# ${FUSE_SENTINEL}\x01\x08${DEFAULT_FUSE_WIRE}\n`;
    writeFileSync(path.join(dist, 'electron'), binary, { mode: 0o755 });
    writeFileSync(path.join(dist, 'chrome-sandbox'), '', { mode: 0o755 });
    writeFileSync(path.join(dist, 'version'), '45.4.1');
    const builder = spawn(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/electron-builder/cli.js'),
        '--linux',
        'dir',
        '--publish',
        'never',
        `-c.electronDist=${dist}`,
        `-c.directories.output=${path.join(dir, 'pack')}`,
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    builder.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    builder.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const status = await new Promise<number | null>((resolve) => builder.once('exit', resolve));
    if (status !== 0) throw new Error(`electron-builder failed (${status}):\n${output}`);
  }, 300_000);

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the demos, the terminal helper, the workers, the preload and the page where builtPaths looks in a package', () => {
    const demosDir = builtDemosDir(layout);
    expect(demosDir).toBe(path.join(resources, 'demos'));
    expect(loadDemos(demosDir).length).toBeGreaterThan(0);
    // The demos' shared lab_say and its 中文 catalog are there, beside the demos that import them.
    const said = spawnSync('python3', ['-c', 'from lab_say import say; say("parent: I am {me}", me=1)'], {
      cwd: demosDir,
      env: { PATH: process.env.PATH, LANGUAGE: 'zh_CN:zh', PYTHONDONTWRITEBYTECODE: '1', PYTHONIOENCODING: 'utf-8' },
      encoding: 'utf8',
    });
    expect(said.stdout).toMatch(/^\[\d+\] 父进程：我是 1\n$/);
    for (const file of ['lab_say.sh', 'lab_say.js']) expect(existsSync(path.join(demosDir, file)), file).toBe(true);
    expect(builtTerminalScript(layout)).toBe(path.join(resources, 'terminal', 'proclab_pty.py'));
    expect(existsSync(builtTerminalScript(layout))).toBe(true);
    const worker = builtWorkerEntry(layout).file;
    expect(worker).toBe(path.join(resources, 'app.asar.unpacked', 'out', 'main', 'samplerWorker.js'));
    expect(existsSync(worker)).toBe(true);
    expect(existsSync(builtLabWatcherEntry(layout).file)).toBe(true);
    const packaged = new Set(asar.listPackage(archive, { isPack: false }).map((file) => file.slice(1)));
    const page = inArchive(builtRendererPage(layout));
    for (const file of [inArchive(builtPreloadScript(layout)), page, 'out/main/index.js', 'package.json'])
      expect(packaged, file).toContain(file);
    const assets = [
      ...asar
        .extractFile(archive, page)
        .toString()
        .matchAll(/(?:src|href)="\.\/([^"]+)"/g),
    ];
    for (const [, asset] of assets) expect(packaged, asset).toContain(path.join('out/renderer', asset!));
    // Only for Node, outside the app.
    expect(packaged).not.toContain('out/main/start.js');
    expect(packaged).not.toContain('out/main/cli.js');
  });

  it('runs the sampler worker from the unpacked files alone', async () => {
    const sampler = new SamplerThread(builtWorkerEntry(layout));
    try {
      const reply = await sampler.sample();
      expect(reply.diff.upserts.some((row) => row.pid === process.pid)).toBe(true);
    } finally {
      await sampler.close();
    }
  });

  it('flips the fuses: runAsNode off, app code only from the archive, file:// pages as today', () => {
    const binary = readFileSync(path.join(appDir, 'proclab-desktop'));
    const at = binary.indexOf(FUSE_SENTINEL) + FUSE_SENTINEL.length;
    expect(binary.subarray(at, at + 2)).toEqual(Buffer.from([1, 8]));
    expect(binary.toString('latin1', at + 2, at + 10)).toBe('01001101');
  });
});

// Reads the demo programs' manifest (resources/demos/demos.json) and their source text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DemoInfo } from '../../shared/model/Lab';

export interface DemoDefinition extends DemoInfo {
  args: string[];
}

export function loadDemos(demosDir: string): DemoDefinition[] {
  const manifest = JSON.parse(readFileSync(path.join(demosDir, 'demos.json'), 'utf8')) as Omit<
    DemoDefinition,
    'source'
  >[];
  return manifest.map((demo) => ({ ...demo, source: readFileSync(path.join(demosDir, demo.file), 'utf8') }));
}

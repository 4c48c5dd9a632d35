// Draws ProcLab's app icon, a small process tree (init, two children, a zombie grandchild in red as
// the monitor colours it), into build/icon.png at 512 x 512: `node scripts/drawIcon.mjs [out.png]`.
// Plain code and zlib, so the icon is reproducible byte for byte without an image editor.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const SIZE = 512;

const COLORS = {
  top: [30, 58, 95],
  bottom: [15, 23, 42],
  edge: [148, 163, 184],
  ring: [15, 23, 42],
  root: [45, 212, 191],
  child: [56, 189, 248],
  zombie: [248, 113, 113],
};

/** Signed distances (negative inside), in pixels. */
const roundedSquare = (x, y, inset, radius) => {
  const half = SIZE / 2 - inset - radius;
  const dx = Math.max(Math.abs(x - SIZE / 2) - half, 0);
  const dy = Math.max(Math.abs(y - SIZE / 2) - half, 0);
  return Math.hypot(dx, dy) - radius;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
const segment = (x, y, [ax, ay], [bx, by], width) => {
  const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
  return Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) - width / 2;
};

// The tree as pstree draws it, `init─┬─sh───zombie` over `└─child`: right-angled branches.
const ROOT = [122, 196];
const CHILD = [270, 196];
const GRANDCHILD = [398, 196];
const SECOND_CHILD = [270, 332];
const BRANCH_X = 194;
const EDGES = [
  [ROOT, GRANDCHILD],
  [
    [BRANCH_X, ROOT[1]],
    [BRANCH_X, SECOND_CHILD[1]],
  ],
  [[BRANCH_X, SECOND_CHILD[1]], SECOND_CHILD],
];
const NODES = [
  { at: ROOT, r: 48, color: COLORS.root },
  { at: CHILD, r: 36, color: COLORS.child },
  { at: GRANDCHILD, r: 30, color: COLORS.zombie },
  { at: SECOND_CHILD, r: 36, color: COLORS.child },
];

/** Coverage of a shape at a pixel from its distance: one pixel of anti-aliasing. */
const coverage = (distance) => Math.max(0, Math.min(1, 0.5 - distance));

function pixel(x, y) {
  const t = y / SIZE;
  let rgb = COLORS.top.map((c, i) => c + (COLORS.bottom[i] - c) * t);
  const over = (color, alpha) => {
    if (alpha > 0) rgb = rgb.map((c, i) => c + (color[i] - c) * alpha);
  };
  const edge = Math.min(...EDGES.map(([a, b]) => segment(x, y, a, b, 14)));
  over(COLORS.edge, coverage(edge));
  for (const node of NODES) {
    over(COLORS.ring, coverage(circle(x, y, ...node.at, node.r + 8)));
    over(node.color, coverage(circle(x, y, ...node.at, node.r)));
  }
  const alpha = coverage(roundedSquare(x, y, 32, 100));
  return [...rgb.map(Math.round), Math.round(alpha * 255)];
}

function crc32Chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function drawIcon() {
  // Sampled at pixel centres; each row starts with PNG filter type 0 (none).
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y++) {
    const row = y * (SIZE * 4 + 1);
    for (let x = 0; x < SIZE; x++) rows.set(pixel(x + 0.5, y + 0.5), row + 1 + x * 4);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    crc32Chunk('IHDR', header),
    crc32Chunk('IDAT', zlib.deflateSync(rows, { level: 9 })),
    crc32Chunk('IEND', Buffer.alloc(0)),
  ]);
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = process.argv[2] ? path.resolve(process.argv[2]) : path.join(root, 'build', 'icon.png');
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, drawIcon());

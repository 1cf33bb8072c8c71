// Draws the tab bar icons (81×81 PNG, grey and Party red) into src/assets/tab.
// Run with `node scripts/gen-tab-icons.mjs` from miniapp/; the PNGs are committed, so builds do not need it.
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SIZE = 81;
const SAMPLES = 4; // supersampling per axis, for smooth edges
const COLORS = { normal: [0x8a, 0x8a, 0x8a], active: [0xc8, 0x16, 0x1d] };

// Shapes work in a 0..1 unit square; each returns true when the point is inked.
const inRect = (x, y, x0, y0, x1, y1) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
const inCircle = (x, y, cx, cy, r) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
const inRing = (x, y, cx, cy, r, w) => inCircle(x, y, cx, cy, r) && !inCircle(x, y, cx, cy, r - w);
const nearSegment = (x, y, ax, ay, bx, by, w) => {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) <= w / 2;
};
const roundRectOutline = (x, y, x0, y0, x1, y1, r, w) => {
  const inside = (px, py, a0, b0, a1, b1, rr) => {
    if (!inRect(px, py, a0, b0, a1, b1)) return false;
    const cx = Math.min(Math.max(px, a0 + rr), a1 - rr);
    const cy = Math.min(Math.max(py, b0 + rr), b1 - rr);
    return (px - cx) ** 2 + (py - cy) ** 2 <= rr * rr;
  };
  return inside(x, y, x0, y0, x1, y1, r) && !inside(x, y, x0 + w, y0 + w, x1 - w, y1 - w, Math.max(0, r - w));
};

const W = 0.07; // stroke width

const icons = {
  // 学习: an open book
  study: (x, y) =>
    nearSegment(x, y, 0.5, 0.28, 0.5, 0.8, W) ||
    nearSegment(x, y, 0.5, 0.28, 0.14, 0.2, W) ||
    nearSegment(x, y, 0.14, 0.2, 0.14, 0.72, W) ||
    nearSegment(x, y, 0.14, 0.72, 0.5, 0.8, W) ||
    nearSegment(x, y, 0.5, 0.28, 0.86, 0.2, W) ||
    nearSegment(x, y, 0.86, 0.2, 0.86, 0.72, W) ||
    nearSegment(x, y, 0.86, 0.72, 0.5, 0.8, W),
  // 测试: a sheet with a tick
  quiz: (x, y) =>
    roundRectOutline(x, y, 0.2, 0.12, 0.8, 0.88, 0.08, W) ||
    nearSegment(x, y, 0.33, 0.5, 0.46, 0.63, W) ||
    nearSegment(x, y, 0.46, 0.63, 0.68, 0.36, W),
  // 建言: a speech bubble with two lines
  feedback: (x, y) =>
    roundRectOutline(x, y, 0.12, 0.16, 0.88, 0.7, 0.12, W) ||
    nearSegment(x, y, 0.3, 0.68, 0.26, 0.88, W) ||
    nearSegment(x, y, 0.26, 0.88, 0.5, 0.68, W) ||
    nearSegment(x, y, 0.3, 0.36, 0.7, 0.36, W) ||
    nearSegment(x, y, 0.3, 0.5, 0.58, 0.5, W),
  // 我的: a person
  me: (x, y) =>
    inRing(x, y, 0.5, 0.33, 0.17, W) ||
    (y <= 0.88 && inRing(x, y, 0.5, 0.9, 0.34, W) && y >= 0.56) ||
    nearSegment(x, y, 0.16, 0.88, 0.84, 0.88, W),
};

function crcTable() {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
const CRC = crcTable();
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(shape, [r, g, b]) {
  const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let py = 0; py < SIZE; py++) {
    raw[py * (SIZE * 4 + 1)] = 0; // filter: none
    for (let px = 0; px < SIZE; px++) {
      let hits = 0;
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          if (shape((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE)) hits++;
        }
      }
      const o = py * (SIZE * 4 + 1) + 1 + px * 4;
      raw[o] = r;
      raw[o + 1] = g;
      raw[o + 2] = b;
      raw[o + 3] = Math.round((255 * hits) / (SAMPLES * SAMPLES));
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'src', 'assets', 'tab');
mkdirSync(outDir, { recursive: true });
for (const [name, shape] of Object.entries(icons)) {
  writeFileSync(join(outDir, `${name}.png`), png(shape, COLORS.normal));
  writeFileSync(join(outDir, `${name}-active.png`), png(shape, COLORS.active));
}
console.log(`tab icons written to ${outDir}`);

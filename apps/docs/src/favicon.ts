import { crc32, deflateSync } from "node:zlib";

const SIZE = 32;
const SAMPLES = 4; // per axis, for anti-aliased edges

/** Whether a point of the 32×32 icon is drawn white: a start node, a task box, an end node, linked. */
function inMark(x: number, y: number): boolean {
  const dist = (cx: number, cy: number) => Math.hypot(x - cx, y - cy);
  const startNode = dist(7, 16) <= 3.2;
  const endNode = dist(25, 16) <= 3.2 && dist(25, 16) >= 1.6;
  const task = Math.abs(x - 16) <= 4.5 && Math.abs(y - 16) <= 3.5;
  const link = Math.abs(y - 16) <= 1 && x >= 7 && x <= 25;
  return startNode || endNode || task || link;
}

/** Whether a point lies on the rounded square behind the mark. */
function inBackground(x: number, y: number): boolean {
  const r = 7;
  const cx = Math.min(Math.max(x, r), SIZE - r);
  const cy = Math.min(Math.max(y, r), SIZE - r);
  return Math.hypot(x - cx, y - cy) <= r;
}

/** RGBA pixels of the icon, rows top to bottom. */
function pixels(): Buffer {
  const out = Buffer.alloc(SIZE * SIZE * 4);
  const blue = [0x1f, 0x5f, 0xbf];
  for (let py = 0; py < SIZE; py += 1) {
    for (let px = 0; px < SIZE; px += 1) {
      let background = 0;
      let mark = 0;
      for (let sy = 0; sy < SAMPLES; sy += 1) {
        for (let sx = 0; sx < SAMPLES; sx += 1) {
          const x = px + (sx + 0.5) / SAMPLES;
          const y = py + (sy + 0.5) / SAMPLES;
          if (!inBackground(x, y)) continue;
          background += 1;
          if (inMark(x, y)) mark += 1;
        }
      }
      const n = SAMPLES * SAMPLES;
      const white = background === 0 ? 0 : mark / background;
      const at = (py * SIZE + px) * 4;
      for (let c = 0; c < 3; c += 1)
        out[at + c] = Math.round((blue[c] as number) * (1 - white) + 255 * white);
      out[at + 3] = Math.round((255 * background) / n);
    }
  }
  return out;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, "ascii");
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** The icon as a PNG file. */
export function faviconPng(): Buffer {
  const rgba = pixels();
  const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
  for (let y = 0; y < SIZE; y += 1) rgba.copy(rows, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(SIZE, 0);
  header.writeUInt32BE(SIZE, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([
    signature,
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The icon as favicon.ico: one 32×32 image stored as PNG, which every current browser reads. */
export function faviconIco(): Buffer {
  const png = faviconPng();
  const header = Buffer.alloc(6 + 16);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(1, 4); // one image
  header.writeUInt8(SIZE, 6);
  header.writeUInt8(SIZE, 7);
  header.writeUInt8(0, 8); // no palette
  header.writeUInt8(0, 9);
  header.writeUInt16LE(1, 10); // planes
  header.writeUInt16LE(32, 12); // bits per pixel
  header.writeUInt32LE(png.length, 14);
  header.writeUInt32LE(header.length, 18);
  return Buffer.concat([header, png]);
}

/** The four mark images of dcs.conac.cn, drawn in code (65×80 like the real ones). */
import { crc32, deflateSync } from 'node:zlib';

export type MarkImage = 'red' | 'blue' | 'red_error' | 'blue_error';
export const MARK_IMAGES: readonly MarkImage[] = ['red', 'blue', 'red_error', 'blue_error'];

const WIDTH = 65;
const HEIGHT = 80;
type Rgb = [number, number, number];

const BASE: Record<'red' | 'blue', Rgb> = { red: [200, 22, 29], blue: [30, 80, 162] };
const WHITE: Rgb = [255, 255, 255];
const BLACK: Rgb = [20, 20, 20];

/** A coloured badge with an emblem and a text band; the error variant is washed out and crossed. */
function pixel(image: MarkImage, x: number, y: number): Rgb {
  const error = image.endsWith('_error');
  const base = BASE[image.startsWith('red') ? 'red' : 'blue'];
  const colour: Rgb = error ? (base.map((c) => Math.round(c + (235 - c) * 0.6)) as Rgb) : base;
  if (error) {
    const diagonal = Math.abs(x * (HEIGHT / WIDTH) - y);
    const anti = Math.abs((WIDTH - 1 - x) * (HEIGHT / WIDTH) - y);
    if (diagonal < 3 || anti < 3) return BLACK;
  }
  if (x < 3 || y < 3 || x >= WIDTH - 3 || y >= HEIGHT - 3) return WHITE;
  const r = Math.hypot(x - 32, y - 28);
  if (r < 18 && r >= 14) return WHITE;
  if (r < 7) return WHITE;
  if (y >= 54 && y < 70 && x >= 8 && x < WIDTH - 8) return (y - 54) % 5 < 3 ? WHITE : colour;
  return colour;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

function encode(image: MarkImage): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(WIDTH, 0);
  ihdr.writeUInt32BE(HEIGHT, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit RGB, no interlace
  const rows = Buffer.alloc(HEIGHT * (1 + WIDTH * 3));
  for (let y = 0; y < HEIGHT; y++) {
    const row = y * (1 + WIDTH * 3);
    for (let x = 0; x < WIDTH; x++) rows.set(pixel(image, x, y), row + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const cache = new Map<MarkImage, Buffer>();

export function markPng(image: MarkImage): Buffer {
  let png = cache.get(image);
  if (!png) {
    png = encode(image);
    cache.set(image, png);
  }
  return png;
}

export function markDataUri(image: MarkImage): string {
  return `data:image/png;base64,${markPng(image).toString('base64')}`;
}

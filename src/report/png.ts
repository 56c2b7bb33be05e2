/**
 * Re-encodes a chart's pixels as an indexed-colour PNG. Charts hold a few dozen colours even with
 * anti-aliased text, and an 8-bit palette PNG of them is about a third of resvg's RGBA PNG: small
 * enough to travel inside a Teams card as a data URI. Images with more than 256 colours keep the RGBA file.
 */
import { crc32, deflateSync } from 'node:zlib';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(type)) >>> 0);
  return Buffer.concat([head, data, crc]);
}

/** `rgba`: width × height pixels, 4 bytes each, rows top to bottom. Undefined when there are over 256 colours. */
export function indexedPng(width: number, height: number, rgba: Uint8Array): Uint8Array | undefined {
  const aligned = rgba.byteOffset % 4 === 0 ? rgba : rgba.slice();
  // One 32-bit word per pixel (byte order as in memory; the palette is read back from the bytes).
  const words = new Uint32Array(aligned.buffer, aligned.byteOffset, width * height);
  const index = new Map<number, number>();
  const firstAt: number[] = [];
  const stride = width + 1;
  const rows = Buffer.alloc(height * stride);
  let last = -1;
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    rows[y * stride] = 0; // filter: none, the better choice for palette images
    for (let x = 0, p = y * width; x < width; x++, p++) {
      const px = words[p];
      if (px !== last) {
        let i = index.get(px);
        if (i === undefined) {
          if (index.size === 256) return undefined;
          i = index.size;
          index.set(px, i);
          firstAt.push(p);
        }
        last = px;
        lastIndex = i;
      }
      rows[y * stride + 1 + x] = lastIndex;
    }
  }
  const palette = Buffer.alloc(index.size * 3);
  const alpha = Buffer.alloc(index.size);
  firstAt.forEach((p, i) => {
    palette.set(aligned.subarray(p * 4, p * 4 + 3), i * 3);
    alpha[i] = aligned[p * 4 + 3];
  });
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 3, 0, 0, 0], 8); // 8-bit indices, palette colour, deflate, adaptive filtering, no interlace
  const opaque = alpha.every((a) => a === 255);
  return new Uint8Array(
    Buffer.concat([
      SIGNATURE,
      chunk('IHDR', header),
      chunk('PLTE', palette),
      ...(opaque ? [] : [chunk('tRNS', alpha)]),
      chunk('IDAT', deflateSync(rows, { level: 9 })),
      chunk('IEND', Buffer.alloc(0)),
    ]),
  );
}

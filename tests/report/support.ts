/** Reading what the report module produced, as a reader would: the PDF's text (poppler) and the PNG's pixels (resvg). */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Resvg } from '@resvg/resvg-js';
import type { OutboundMessage } from '../../src/outbound.ts';

const run = promisify(execFile);

/** The text of a PDF as poppler's pdftotext extracts it (installed by .ci/run). */
export async function pdfText(pdf: Uint8Array): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'consult-pdf-'));
  const file = join(dir, 'report.pdf');
  await writeFile(file, pdf);
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', file, '-']);
  return stdout.replace(/\s+/g, ' ');
}

export function pdfOf(message: OutboundMessage): Uint8Array {
  const file = message.file;
  if (!file || typeof file.content === 'string') throw new Error('no PDF in the reply');
  return file.content;
}

/** Size stored in the PNG header. */
export function pngHeaderSize(png: Uint8Array): { width: number; height: number } {
  const b = Buffer.from(png);
  if (b.subarray(1, 4).toString('ascii') !== 'PNG') throw new Error('not a PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

/** Decodes the PNG with resvg's image decoder (drawn 1:1 inside an SVG) and returns its RGBA pixels. */
export function decodePng(png: Uint8Array): { width: number; height: number; pixels: Buffer } {
  const { width, height } = pngHeaderSize(png);
  const href = `data:image/png;base64,${Buffer.from(png).toString('base64')}`;
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><image href="${href}" width="${width}" height="${height}"/></svg>`;
  const image = new Resvg(svg, { background: 'rgba(0,0,0,0)' }).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

/** Share of opaque pixels that are not white, and whether the given colour (#rrggbb) occurs. */
export function inkAndColour(pixels: Buffer, colour: string): { ink: number; has: boolean; opaque: number } {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(colour.slice(i, i + 2), 16));
  let ink = 0;
  let opaque = 0;
  let has = false;
  for (let i = 0; i < pixels.length; i += 4) {
    if (pixels[i + 3] === 255) opaque++;
    if (pixels[i] < 240 || pixels[i + 1] < 240 || pixels[i + 2] < 240) ink++;
    if (pixels[i] === r && pixels[i + 1] === g && pixels[i + 2] === b) has = true;
  }
  return { ink: ink / (pixels.length / 4), has, opaque: opaque / (pixels.length / 4) };
}

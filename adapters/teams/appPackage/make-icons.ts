/**
 * Draws the Teams app icons: color.png (192×192, full-bleed accent background) and
 * outline.png (32×32, white on transparent, as Teams requires). A speech bubble with a tick:
 * a conversation where delegations vote. Run: npx tsx adapters/teams/appPackage/make-icons.ts
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { encodePng } from './png.ts';

export const ACCENT = [0x1f, 0x5a, 0xa6] as const;

type Shape = (x: number, y: number) => boolean;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const cx = Math.min(Math.max(x, x0 + r), x1 - r);
    const cy = Math.min(Math.max(y, y0 + r), y1 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
  };
}

function triangle(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): Shape {
  const side = (px: number, py: number, qx: number, qy: number, x: number, y: number) =>
    (qx - px) * (y - py) - (qy - py) * (x - px);
  return (x, y) => {
    const d1 = side(ax, ay, bx, by, x, y);
    const d2 = side(bx, by, cx, cy, x, y);
    const d3 = side(cx, cy, ax, ay, x, y);
    return !((d1 < 0 || d2 < 0 || d3 < 0) && (d1 > 0 || d2 > 0 || d3 > 0));
  };
}

function stroke(points: [number, number][], width: number): Shape {
  return (x, y) =>
    points.slice(1).some(([bx, by], i) => {
      const [ax, ay] = points[i];
      const t = Math.max(
        0,
        Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)),
      );
      return (x - ax - t * (bx - ax)) ** 2 + (y - ay - t * (by - ay)) ** 2 <= (width / 2) ** 2;
    });
}

/** Coordinates are in the unit square, so both sizes draw the same picture. */
const bubble: Shape = (
  (body: Shape, tail: Shape) => (x: number, y: number) =>
    body(x, y) || tail(x, y)
)(roundedRect(0.16, 0.2, 0.84, 0.68, 0.12), triangle(0.28, 0.6, 0.46, 0.6, 0.24, 0.84));
const tick = stroke(
  [
    [0.33, 0.45],
    [0.45, 0.56],
    [0.67, 0.32],
  ],
  0.075,
);

/** Antialiased by 4×4 supersampling: returns per-pixel coverage of (bubble minus tick). */
function render(
  size: number,
  background: readonly [number, number, number] | undefined,
  ink: readonly [number, number, number],
  inset: number,
): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const n = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let cover = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          // Shrink the drawing towards the centre by `inset` (the colour icon keeps a margin).
          const x = ((px + (sx + 0.5) / n) / size - 0.5) / (1 - 2 * inset) + 0.5;
          const y = ((py + (sy + 0.5) / n) / size - 0.5) / (1 - 2 * inset) + 0.5;
          if (bubble(x, y) && !tick(x, y)) cover++;
        }
      }
      const a = cover / (n * n);
      const i = (py * size + px) * 4;
      if (background) {
        for (let c = 0; c < 3; c++) rgba[i + c] = Math.round(background[c] * (1 - a) + ink[c] * a);
        rgba[i + 3] = 255;
      } else {
        rgba.set([...ink, Math.round(a * 255)], i);
      }
    }
  }
  return rgba;
}

export function colorIcon(): Buffer {
  return encodePng(192, 192, render(192, ACCENT, [255, 255, 255], 0.08));
}

export function outlineIcon(): Buffer {
  return encodePng(32, 32, render(32, undefined, [255, 255, 255], 0));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(new URL('./color.png', import.meta.url), colorIcon());
  writeFileSync(new URL('./outline.png', import.meta.url), outlineIcon());
  console.log('wrote adapters/teams/appPackage/color.png (192×192) and outline.png (32×32)');
}

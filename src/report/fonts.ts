/** The DejaVu fonts, which cover French and Spanish accents and ✓: embedded in PDFs and used to draw charts. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const dir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

export const FONTS = {
  regular: join(dir, 'DejaVuSans.ttf'),
  bold: join(dir, 'DejaVuSans-Bold.ttf'),
} as const;

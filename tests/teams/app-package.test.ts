/** The Teams app package: a manifest Teams accepts, icons of the required sizes, a zip with the app id filled in. */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { unzipSync } from 'fflate';
import Ajv04Module from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { buildTeamsPackage, PackageError } from '../../adapters/teams/package.ts';
import { colorIcon, outlineIcon } from '../../adapters/teams/appPackage/make-icons.ts';

const dir = new URL('../../adapters/teams/appPackage/', import.meta.url);
const read = (name: string) => readFileSync(new URL(name, dir));
const json = (name: string) => JSON.parse(read(name).toString('utf8'));
const APP_ID = '9e1b6d40-0c5f-4b8e-a0f4-3c2d1e0f9a11';

/** The official Teams manifest schemas, as shipped in Microsoft's @microsoft/app-manifest package. */
const schemaDir = createRequire(import.meta.url)
  .resolve('@microsoft/app-manifest/package.json')
  .replace(/package\.json$/, 'build/json-schemas/teams/v1.22/');
// CommonJS packages: under NodeNext the default import is module.exports, whose `default` is the export.
const Ajv04 = (Ajv04Module as unknown as { default: typeof Ajv04Module.default }).default;
const addFormats = (addFormatsModule as unknown as { default: (ajv: unknown) => void }).default;
function validator(file: string) {
  // unicodeRegExp off: Microsoft's localization schema has patterns that are valid only without the u flag.
  const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(schemaDir + file, 'utf8')));
}

/** Width, height and RGBA pixels of a PNG written by our encoder (no filtering, 8-bit RGBA). */
function decodePng(png: Buffer): { width: number; height: number; pixels: Buffer } {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  expect([png[24], png[25]]).toEqual([8, 6]);
  const idat: Buffer[] = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    if (png.toString('ascii', at + 4, at + 8) === 'IDAT') idat.push(png.subarray(at + 8, at + 8 + length));
    at += length + 12;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixels = Buffer.concat(
    Array.from({ length: height }, (_, y) => raw.subarray(y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1))),
  );
  return { width, height, pixels };
}

describe('the Teams app package', () => {
  it('has a manifest valid against the official Teams v1.22 schema, with a bot in team, group chat and personal scopes', () => {
    const manifest = json('manifest.json');
    const validate = validator('MicrosoftTeams.schema.json');
    expect(validate(manifest), JSON.stringify(validate.errors)).toBe(true);
    expect(manifest.$schema).toContain('/v1.22/');
    expect(manifest.bots[0].scopes.sort()).toEqual(['groupChat', 'personal', 'team']);
    // Exports reach their person through a file consent card in the 1:1 chat.
    expect(manifest.bots[0].supportsFiles).toBe(true);
    const titles = manifest.bots[0].commandLists.flatMap((l: { commands: { title: string }[] }) =>
      l.commands.map((c) => c.title),
    );
    for (const common of ['theme', 'topics', 'vote', 'status', 'results', 'help', 'lang'])
      expect(titles).toContain(common);
  });

  it('is localized in French and Spanish (valid localization files)', () => {
    const validate = validator('MicrosoftTeams.Localization.schema.json');
    const manifest = json('manifest.json');
    for (const { file } of manifest.localizationInfo.additionalLanguages) {
      const loc = json(file);
      expect(validate(loc), `${file}: ${JSON.stringify(validate.errors)}`).toBe(true);
      expect(loc['description.full']).not.toEqual(manifest.description.full);
    }
  });

  it('ships a 192×192 colour icon and a 32×32 white outline icon on transparency, as drawn by make-icons', () => {
    expect(read('color.png')).toEqual(colorIcon());
    expect(read('outline.png')).toEqual(outlineIcon());
    const color = decodePng(read('color.png'));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(read('outline.png'));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    const alphas = Array.from({ length: 32 * 32 }, (_, i) => outline.pixels[i * 4 + 3]);
    expect(alphas.filter((a) => a === 0).length).toBeGreaterThan(200);
    expect(alphas.filter((a) => a === 255).length).toBeGreaterThan(100);
    for (let i = 0; i < 32 * 32; i++) expect([...outline.pixels.subarray(i * 4, i * 4 + 3)]).toEqual([255, 255, 255]);
  });

  it('zips manifest, localizations and icons with the app id filled in', () => {
    const files = unzipSync(buildTeamsPackage(APP_ID, '1.2.3'));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'es.json', 'fr.json', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(Buffer.from(files['manifest.json']).toString('utf8'));
    expect(manifest).toMatchObject({ id: APP_ID, version: '1.2.3', bots: [{ botId: APP_ID }] });
    expect(validator('MicrosoftTeams.schema.json')(manifest)).toBe(true);
    expect(Buffer.from(files['color.png'])).toEqual(read('color.png'));
  });

  it('refuses to package without a proper app id, saying where to find it', () => {
    expect(() => buildTeamsPackage('')).toThrow(PackageError);
    expect(() => buildTeamsPackage('my-bot')).toThrow(/Microsoft App ID, a GUID/);
  });
});

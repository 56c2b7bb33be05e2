/**
 * `npm run teams:package`: zips the Teams app package (manifest, localizations, icons) into
 * adapters/teams/appPackage/build/consult-teams.zip with the app id filled in from
 * MICROSOFT_APP_ID, ready to upload in Teams (Apps › Manage your apps › Upload an app).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const APP_PACKAGE = new URL('./appPackage/', import.meta.url);
const FILES = ['manifest.json', 'fr.json', 'es.json', 'color.png', 'outline.png'] as const;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PackageError extends Error {
  override name = 'PackageError';
}

/** The manifest with this bot's app id (the Teams app id and the bot id are the same registration). */
export function filledManifest(appId: string, version?: string): Record<string, any> {
  if (!GUID.test(appId)) {
    throw new PackageError(
      `MICROSOFT_APP_ID must be the bot's Microsoft App ID, a GUID like 9e1b6d40-0c5f-4b8e-a0f4-3c2d1e0f9a11 (got "${appId}"). Copy it from the Azure Bot resource's Configuration page.`,
    );
  }
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', APP_PACKAGE), 'utf8'));
  manifest.id = appId;
  for (const bot of manifest.bots) bot.botId = appId;
  if (version) manifest.version = version;
  return manifest;
}

export function buildTeamsPackage(appId: string, version?: string): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const name of FILES) {
    entries[name] =
      name === 'manifest.json'
        ? Buffer.from(`${JSON.stringify(filledManifest(appId, version), null, 2)}\n`)
        : readFileSync(new URL(name, APP_PACKAGE));
  }
  return zipSync(entries, { level: 9 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const zip = buildTeamsPackage((process.env.MICROSOFT_APP_ID ?? '').trim(), process.env.TEAMS_APP_VERSION);
    const out = new URL('build/', APP_PACKAGE);
    mkdirSync(out, { recursive: true });
    writeFileSync(new URL('consult-teams.zip', out), zip);
    console.log(`wrote ${fileURLToPath(new URL('consult-teams.zip', out))} (${zip.length} bytes)`);
  } catch (err) {
    console.error(err instanceof PackageError ? err.message : err);
    process.exitCode = 1;
  }
}

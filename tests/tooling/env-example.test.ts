/**
 * .env.example lists every variable the bot reads, with its default: every key of the core's zod schema and of
 * each registered adapter's, and nothing that no schema declares (tools aside). A default shown must be the
 * schema's own (setting it changes nothing); a variable without a default is shown unset.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { platformAdapters } from '../../adapters/registry.ts';
import { ConfigSchema, parseEnv } from '../../src/config.ts';

const file = fileURLToPath(new URL('../../.env.example', import.meta.url));
/** Read by npm scripts (adapters/teams/package.ts), not by the bot's schemas. */
const TOOL_VARIABLES = ['TEAMS_APP_VERSION'];

const schemas: [string, z.ZodObject][] = [
  ['core', ConfigSchema],
  ...platformAdapters().map((a): [string, z.ZodObject] => {
    if (!(a.config instanceof z.ZodObject)) throw new Error(`${a.name}: config is not an object schema`);
    return [a.name, a.config];
  }),
];

async function documented(): Promise<Map<string, string>> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const out = new Map<string, string>();
  for (const line of lines) {
    const m = /^# ([A-Z][A-Z0-9_]*)=(.*)$/.exec(line);
    if (m) out.set(m[1], m[2]);
  }
  return out;
}

describe('.env.example', () => {
  it('lists every variable of the core and of every registered adapter', async () => {
    const shown = await documented();
    const declared = schemas.flatMap(([, s]) => Object.keys(s.shape));
    expect(declared.length).toBeGreaterThan(15);
    for (const variable of declared) expect(shown.has(variable), variable).toBe(true);
  });

  it('lists nothing that no schema reads, tools aside', async () => {
    const declared = new Set(schemas.flatMap(([, s]) => Object.keys(s.shape)));
    for (const variable of (await documented()).keys())
      expect(declared.has(variable) || TOOL_VARIABLES.includes(variable), variable).toBe(true);
  });

  it("shows each schema's own default, and no value where there is none", async () => {
    const shown = await documented();
    for (const [owner, schema] of schemas) {
      const defaults = parseEnv(schema, {}) as Record<string, unknown>;
      for (const variable of Object.keys(schema.shape)) {
        const value = shown.get(variable);
        if (defaults[variable] === undefined || (Array.isArray(defaults[variable]) && !defaults[variable].length)) {
          expect(value, `${owner} ${variable} has no default`).toBe('');
          continue;
        }
        expect(value, `${owner} ${variable}`).not.toBe('');
        // Setting the documented default gives the configuration that leaving it unset gives.
        const set = parseEnv(schema, { [variable]: value }) as Record<string, unknown>;
        expect(set[variable], `${owner} ${variable}=${value}`).toEqual(defaults[variable]);
      }
    }
  });
});

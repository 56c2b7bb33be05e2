/**
 * Every adapter the registry lists runs the platform contract: registering a platform without its contract test
 * fails here. Its test is tests/contract/<name>.test.ts, which runs runContract with the adapter as registered.
 */
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { platformAdapters } from '../../adapters/registry.ts';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

describe('the platform contract covers the registry', () => {
  const adapters = platformAdapters();

  it('lists the platforms Consult ships', () => {
    expect(adapters.map((a) => a.name)).toEqual(expect.arrayContaining(['slack', 'teams', 'web']));
  });

  for (const adapter of adapters) {
    it(`runs the contract for ${adapter.name}`, () => {
      const file = here(`./${adapter.name}.test.ts`);
      expect(existsSync(file), `tests/contract/${adapter.name}.test.ts`).toBe(true);
      const text = readFileSync(file, 'utf8');
      expect(text).toMatch(/^runContract\(/m);
      // The adapter under test is the registered one, not a copy configured for the test.
      expect(text).toMatch(
        new RegExp(
          `platformAdapters\\(\\)\\.find\\(\\(a\\) => a\\.name === '${adapter.name}'\\)|${adapter.name}Platform`,
        ),
      );
    });
  }
});

import { describe, it, expect, beforeEach } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { makeHarness, withRoster, idFrom, cardText, SEC, type Harness } from '../helpers/core.ts';
import type { Command } from '../../src/commands/command.ts';

async function files(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true }))
    if (e.isFile()) out[join(e.parentPath, e.name)] = await readFile(join(e.parentPath, e.name), 'utf8');
  return out;
}

describe('a secret ballot with live results is refused at launch', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
    await withRoster(h);
  });

  const cases: [lang: string, locale: string, says: RegExp][] = [
    ['en', 'en-GB', /A secret ballot cannot show live results: .* would tell who chose what\. Nothing was launched\./],
    [
      'fr',
      'fr-FR',
      /Un vote secret ne peut pas afficher de résultats en direct .* qui a choisi quoi\. Rien n'a été lancé\./,
    ],
    [
      'es',
      'es-ES',
      /Una votación secreta no puede mostrar resultados en directo: .* quién eligió qué\. No se ha lanzado nada\./,
    ],
  ];
  for (const [lang, locale, says] of cases) {
    it(`typed, in ${lang}: theme "A" "B" secret live says why and creates nothing`, async () => {
      const before = await files(h.dir);
      const sentBefore = h.sent.length;
      const [reply] = await h.say(SEC, 'theme "A" "B" secret live', undefined, locale);
      expect(reply.lang).toBe(lang);
      expect(reply.errorCode).toBe('invalid');
      expect(cardText(reply.card)).toMatch(says);
      expect(h.consult.store.all()).toHaveLength(0);
      expect(h.sent.length).toBe(sentBefore);
      // No consultation file, and not even an id counter moved (the caller's locale is remembered, as for any request).
      const after = await files(h.dir);
      const meta = join(h.dir, 'meta.json');
      expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
      expect(JSON.parse(after[meta]).counters).toEqual(JSON.parse(before[meta]).counters);
      expect(JSON.parse(after[meta]).delegations).toEqual(JSON.parse(before[meta]).delegations);
      expect(idFrom(await h.text(SEC, 'theme "A" "B" secret'))).toBe('T1');
    });
  }

  it('every launch path: a shortlist, a form or button command, a survey from a secret poll, a satisfaction survey', async () => {
    const run = (command: Command) => h.consult.handle({ actor: { user: SEC } }, { type: 'command', command });
    const refused = async (out: ReturnType<typeof run>) => {
      const [reply] = await out;
      expect(reply.errorCode).toBe('invalid');
      expect(cardText(reply.card)).toContain('A secret ballot cannot show live results');
    };
    await refused(h.say(SEC, 'topics "A" "B" "C" select 2 live secret'));
    await refused(run({ type: 'theme', options: ['A', 'B'], secret: true, live: true }));
    await refused(run({ type: 'topics', options: ['A', 'B', 'C'], secret: true, live: true }));
    // Satisfaction surveys are always anonymous: live shares after each answer would tell too.
    await refused(run({ type: 'feedback', workshop: 'Workshop', live: true }));
    await refused(h.say(SEC, 'feedback "Workshop" live'));
    const poll = idFrom(await h.text(SEC, 'theme "A" "B" secret'));
    await h.text(SEC, `close ${poll} confirm`);
    const count = h.consult.store.all().length;
    await refused(h.say(SEC, `survey ${poll} live`));
    await refused(run({ type: 'survey', from: poll, live: true }));
    expect(h.consult.store.all()).toHaveLength(count);
    // The same launches without live, or without secret, go ahead.
    expect(await h.text(SEC, 'theme "A" "B" live')).toContain('is open');
    expect(await h.text(SEC, `survey ${poll}`)).toContain('is open');
  });
});

import { describe, it, expect, beforeAll } from 'vitest';
import { makeHarness, withRoster, idFrom, cardText, SEC, type Harness } from '../helpers/core.ts';
import { chartSpec } from '../../src/report/chart-spec.ts';
import { resultsChartModel } from '../../src/report/results-chart.ts';
import { PALETTE } from '../../src/report/palette.ts';
import { t } from '../../src/i18n/index.ts';
import { decodePng, inkAndColour, pdfOf, pdfText, pngHeaderSize } from './support.ts';
import type { CardBlock } from '../../src/views/card.ts';

const CRISIS = 'Managing Migration in Crisis Situations';
const FAMILIES = 'Families and migration';

/** The 2012 cycle: the theme poll between the theme chosen that year and the one not chosen. */
async function cycle2012(): Promise<{ h: Harness; id: string }> {
  const h = await makeHarness();
  await withRoster(h);
  const id = idFrom(await h.text(SEC, `theme "${CRISIS}" "${FAMILIES}"`));
  await h.text('slack:UMEX1', `vote ${id} 1`);
  await h.text('slack:UKEN1', `vote ${id} 1`);
  await h.text('slack:UPHL1', `vote ${id} 2`);
  await h.text('teams:29:che1', `vote ${id} 1`);
  await h.text(SEC, `close ${id} confirm`);
  return { h, id };
}

describe('the 2012 cycle closed: charts and the PDF report', () => {
  let h: Harness;
  let id: string;
  beforeAll(async () => {
    ({ h, id } = await cycle2012());
  });

  it('report T1 all: the PDF has the title, both options with their counts, the turnout and the decision in en, fr and es', async () => {
    const [reply] = await h.say(SEC, `report ${id} all`);
    expect(reply.audience).toEqual({ kind: 'reply' });
    expect(reply.file?.mime).toBe('application/pdf');
    expect(reply.file?.name).toBe(`consult-${id}-report-en-fr-es.pdf`);
    expect(cardText(reply.card)).toContain(reply.file!.name);
    const text = await pdfText(pdfOf(reply));
    const starts = [`Report on ${id}`, `Rapport sur ${id}`, `Informe sobre ${id}`].map((s) => text.indexOf(s));
    expect(starts.every((s) => s >= 0)).toBe(true);
    expect(starts).toEqual([...starts].sort((a, b) => a - b)); // English, then French, then Spanish
    const [en, fr, es] = [text.slice(starts[0], starts[1]), text.slice(starts[1], starts[2]), text.slice(starts[2])];
    expect(en).toContain(`Report on ${id}: Theme poll`);
    expect(en).toContain(`1. ${CRISIS} 3 votes 75%`);
    expect(en).toContain(`2. ${FAMILIES} 1 vote 25%`);
    expect(en).toContain('Turnout: 4 of 4 delegations (100%)');
    expect(en).toContain(`Decision: "${CRISIS}" is chosen by an absolute majority.`);

    expect(fr).toContain(`Rapport sur ${id} : Sondage sur le thème`);
    expect(fr).toContain(`1. ${CRISIS} 3 voix 75 %`);
    expect(fr).toContain(`2. ${FAMILIES} 1 voix 25 %`);
    expect(fr).toContain(t('fr').results.turnout(4, 4, '100 %'));
    expect(fr).toContain(`Décision : l'option « ${CRISIS} » est retenue à la majorité absolue.`);

    expect(es).toContain(`Informe sobre ${id}: ${t('es').kind.theme}`);
    expect(es).toContain(`1. ${CRISIS} 3 votos 75 %`);
    expect(es).toContain(`2. ${FAMILIES} 1 voto 25 %`);
    expect(es).toContain(t('es').results.turnout(4, 4, '100 %'));
    expect(es).toContain(`Decisión: se elige la opción "${CRISIS}" por mayoría absoluta.`);

    // Metadata, the turnout breakdowns and the audit trail's head with how to verify it, in each language.
    expect(en).toContain('Eligibility: Member States only');
    expect(en).toContain('By region: Africa 1 1 100%');
    expect(en).toContain('By kind of delegation: Member State 4 4 100%');
    expect(en).toMatch(/Head hash: [0-9a-f]{64}/);
    expect(en).toContain('npm run verify-store');
    expect(fr).toContain('Participation : États Membres uniquement');
    expect(fr).toMatch(/Empreinte de tête : [0-9a-f]{64}/);
    expect(es).toContain('npm run verify-store');
  });

  it('report T1 is in the requester’s language only', async () => {
    await h.text(SEC, 'lang fr');
    const [reply] = await h.say(SEC, `report ${id}`);
    expect(reply.file?.name).toBe(`consult-${id}-report-fr.pdf`);
    const text = await pdfText(pdfOf(reply));
    expect(text).toContain(`Rapport sur ${id}`);
    expect(text).not.toContain(`Report on ${id}`);
    expect(text).not.toContain(`Informe sobre ${id}`);
    await h.text(SEC, 'lang en');
  });

  it('the results post carries the chart: a PNG that decodes, of the expected size, not blank, the winner marked', async () => {
    const results = h.sent.filter((m) => m.purpose === 'results' && m.consultationId === id);
    expect(results).toHaveLength(1);
    const image = results[0].card.blocks.find((b): b is Extract<CardBlock, { type: 'image' }> => b.type === 'image');
    expect(image).toBeDefined();
    // The text bars stay beside it, as the fallback.
    expect(results[0].card.blocks.filter((b) => b.type === 'bar')).toHaveLength(2);
    const model = resultsChartModel(viewOf(h), h.consult.store.get(id)!)!;
    const { width, height } = chartSpec(model);
    expect(pngHeaderSize(image!.png)).toEqual({ width, height });
    expect({ width: image!.width, height: image!.height }).toEqual({ width, height });
    const decoded = decodePng(image!.png);
    expect([decoded.width, decoded.height]).toEqual([width, height]);
    const { ink, has, opaque } = inkAndColour(decoded.pixels, PALETTE.decided);
    expect(opaque).toBe(1);
    expect(ink).toBeGreaterThan(0.05);
    expect(ink).toBeLessThan(0.6);
    expect(has).toBe(true);
    expect(image!.alt).toContain(`✓ 1. ${CRISIS}: 3 votes · 75%`);
    expect(image!.alt).toContain(`2. ${FAMILIES}: 1 vote · 25%`);
  });

  it('refuses a report to anyone but the secretariat, before the close, for a cancelled or unknown consultation', async () => {
    const trail = h.consult.store.get(id)!.audit.length;
    const [delegate] = await h.say('slack:UKEN1', `report ${id}`);
    expect(delegate.errorCode).toBe('not-secretariat');
    expect(delegate.file).toBeUndefined();
    const open = idFrom(await h.text(SEC, 'theme "A" "B"'));
    const [early] = await h.say(SEC, `report ${open}`);
    expect(early.errorCode).toBe('not-closed');
    expect(cardText(early.card)).toContain(`The report on ${open} is available once it is closed.`);
    await h.text(SEC, `cancel ${open} confirm`);
    expect((await h.say(SEC, `report ${open}`))[0].errorCode).toBe('cancelled');
    expect((await h.say(SEC, 'report T99'))[0].errorCode).toBe('unknown-id');
    const [bad] = await h.say(SEC, `report ${id} everything`);
    expect(bad.errorCode).toBe('parse');
    expect(cardText(bad.card)).toContain('report ‹id› [all]');
    // Refused reports changed nothing in the consultation (the reports made above each left an audit entry).
    expect(h.consult.store.get(id)!.audit.length).toBe(trail);
    expect(h.consult.store.get(open)!.audit.map((e) => e.action)).toEqual(['launch', 'cancel']);
  });
});

function viewOf(h: Harness) {
  const meta = h.consult.store.meta();
  return { lang: 'en' as const, t: t('en'), zone: 'Europe/Zurich', now: h.clock.now(), meta, secret: '' };
}

/** Card → Block Kit: every block rendered, no text lost, Slack's limits held. */
import { describe, expect, it } from 'vitest';
import { cardToBlockKit, cardToMessages } from '../../adapters/slack/render.ts';
import { textBar } from '../../adapters/shared/text-bar.ts';
import { cardToModal, readModalContext } from '../../adapters/slack/modal.ts';
import { readFormValues } from '../../adapters/slack/form-values.ts';
import { launchModal, launchSubmission } from '../../adapters/slack/launch-modal.ts';
import { launchFromValues } from '../../src/commands/launch-form.ts';
import { shorten } from '../../adapters/slack/shorten.ts';
import type { Card } from '../../src/views/card.ts';
import { validateMessage, validateView } from './block-kit-limits.ts';
import { blocksText, THEME_2015 } from './support/harness.ts';

const vote = (n: number) => ({ type: 'vote' as const, id: 'T1', choices: [n] });

describe('shorten', () => {
  it('cuts at a word boundary with an ellipsis, never mid-word', () => {
    const s = shorten(THEME_2015, 75);
    expect(s.length).toBeLessThanOrEqual(75);
    expect(s.endsWith('…')).toBe(true);
    const kept = s.slice(0, -1);
    expect(THEME_2015.startsWith(kept)).toBe(true);
    expect(THEME_2015[kept.length]).toBe(' ');
    expect(shorten('Short', 75)).toBe('Short');
  });
});

describe('cardToBlockKit', () => {
  const ballot: Card = {
    title: 'Theme poll T1',
    blocks: [
      { type: 'text', text: `1. ${THEME_2015}\n2. Migration and Development` },
      {
        type: 'fields',
        fields: [{ label: 'Consultation T1', value: 'Closes Monday 9 March 2026, 23:59 (Geneva time) (in 7 days)' }],
      },
      // A label as long as the theme: the renderer must still fit it.
      {
        type: 'actions',
        buttons: [
          { label: `1 · ${THEME_2015}`, command: vote(1), style: 'primary' },
          { label: '2 · Migration and Development', command: vote(2) },
        ],
      },
    ],
  };

  it('shows the 84-character theme whole in a section, with a button label ≤ 75 cut at a word', () => {
    const { blocks, text } = cardToBlockKit(ballot, { surface: 'message', lang: 'en' });
    expect(validateMessage({ blocks, text })).toEqual([]);
    const sections = blocks.filter((b: any) => b.type === 'section' && b.text).map((b: any) => b.text.text);
    expect(sections.some((t: string) => t.includes(THEME_2015))).toBe(true);
    const button = (blocks.find((b) => b.type === 'actions') as any).elements[0];
    expect(button.text.text.length).toBeLessThanOrEqual(75);
    expect(button.text.text).toMatch(/^1 · Human Rights and Migration: Working Together for Safe, Dignified and…$/);
  });

  it('buttons carry the neutral command as JSON, with unique action ids', () => {
    const { blocks } = cardToBlockKit(ballot, { surface: 'message', lang: 'en' });
    const buttons = (blocks.find((b) => b.type === 'actions') as any).elements;
    expect(JSON.parse(buttons[0].value)).toEqual(vote(1));
    expect(new Set(buttons.map((b: any) => b.action_id)).size).toBe(buttons.length);
    expect(buttons[0].style).toBe('primary');
  });

  it('draws result bars with text', () => {
    expect(textBar(0.48)).toBe('█████░░░░░');
    expect(textBar(0)).toBe('░░░░░░░░░░');
    expect(textBar(1.2)).toBe('██████████');
    const card: Card = {
      title: 'Results T1',
      blocks: [
        { type: 'bar', label: THEME_2015, value: '12 (48%)', share: 0.48 },
        { type: 'bar', label: 'Migration and Development', value: '13 (52%)', share: 0.52 },
      ],
    };
    const { blocks } = cardToBlockKit(card, { surface: 'message', lang: 'en' });
    const text = blocksText(blocks);
    expect(text).toContain(`*${THEME_2015}*\n\`█████░░░░░\` 12 (48%)`);
    expect(blocks).toHaveLength(2); // header + one section for both bars
  });

  it('escapes the three characters mrkdwn reserves', () => {
    const { blocks } = cardToBlockKit(
      { title: 'T', blocks: [{ type: 'text', text: 'Rights & <duties>' }] },
      { surface: 'message', lang: 'en' },
    );
    expect(blocksText(blocks)).toContain('Rights &amp; &lt;duties&gt;');
  });

  it('a very long card fits Slack’s limits and loses no text', () => {
    const options = Array.from({ length: 80 }, (_, i) => `${i + 1}. ${THEME_2015} (variant ${i + 1})`);
    const card: Card = {
      title: `A consultation whose title is long: ${THEME_2015} — ${THEME_2015}`,
      blocks: [
        ...options.map((text) => ({ type: 'text' as const, text })),
        { type: 'text', text: 'x '.repeat(4000), style: 'muted' },
        {
          type: 'fields',
          fields: Array.from({ length: 23 }, (_, i) => ({ label: `Field ${i}`, value: `Value ${i}` })),
        },
        {
          type: 'actions',
          buttons: Array.from({ length: 30 }, (_, i) => ({ label: `${i + 1} · ${THEME_2015}`, command: vote(i + 1) })),
        },
      ],
    };
    const messages = cardToMessages(card, { lang: 'en' });
    for (const m of messages) expect(validateMessage(m)).toEqual([]);
    const all = messages.map((m) => blocksText(m.blocks)).join('\n');
    for (const o of options) expect(all).toContain(o);
    expect(all).toContain('Field 22');
    const ids = messages.flatMap((m) =>
      m.blocks.flatMap((b: any) => (b.type === 'actions' ? b.elements.map((e: any) => e.action_id) : [])),
    );
    expect(ids).toHaveLength(30);
    expect(new Set(ids).size).toBe(30);
    // The home tab takes the same card within its 100 blocks.
    expect(
      validateView({ type: 'home', blocks: cardToBlockKit(card, { surface: 'home', lang: 'en' }).blocks }),
    ).toEqual([]);
  });

  it('renders an in-message form as checkboxes (≤ 10 options) or a multi-select (more), with a submit button', () => {
    const form = (n: number): Card => ({
      title: 'Topic shortlist W1',
      blocks: [
        {
          type: 'form',
          form: {
            id: 'vote:W1',
            inputs: [
              {
                type: 'choice',
                id: 'approve',
                label: 'Topics to approve',
                multi: true,
                max: 2,
                required: false,
                options: Array.from({ length: n }, (_, i) => ({
                  value: String(i + 1),
                  label: `${i + 1} · ${THEME_2015}`,
                })),
              },
            ],
            submit: { label: 'Vote', action: { type: 'vote', id: 'W1' } },
          },
        },
      ],
    });
    const small = cardToBlockKit(form(4), { surface: 'message', lang: 'en' });
    expect(validateMessage(small)).toEqual([]);
    const accessory = (small.blocks[1] as any).accessory;
    expect(accessory.type).toBe('checkboxes');
    // The whole label survives: the text and the description together.
    expect(
      accessory.options[0].text.text.replace('…', '') + ' ' + accessory.options[0].description.text.replace('…', ''),
    ).toBe(`1 · ${THEME_2015}`);
    const large = cardToBlockKit(form(14), { surface: 'message', lang: 'fr' });
    expect(validateMessage(large)).toEqual([]);
    expect((large.blocks[1] as any).accessory).toMatchObject({
      type: 'multi_static_select',
      max_selected_items: 2,
      placeholder: { text: 'Choisir…' },
    });
    const submit = (large.blocks[2] as any).elements[0];
    expect(JSON.parse(submit.value)).toEqual({ form: 'vote:W1', index: 0, action: { type: 'vote', id: 'W1' } });
  });
});

describe('the Home tab', () => {
  it('with more open consultations than 100 blocks hold, stays valid and says how many more there are', () => {
    const blocks = Array.from({ length: 70 }, (_, i) => [
      { type: 'text' as const, text: `T${i} · Theme poll · open` },
      {
        type: 'actions' as const,
        buttons: [{ label: 'Close', command: { type: 'close' as const, id: `T${i}` }, style: 'danger' as const }],
      },
    ]).flat();
    const { blocks: out } = cardToBlockKit({ title: 'Consult', blocks }, { surface: 'home', lang: 'en' });
    expect(validateView({ type: 'home', blocks: out })).toEqual([]);
    expect(blocksText(out.slice(-1))).toMatch(/^… \+\d+$/);
  });
});

describe('modals', () => {
  const survey: Card = {
    title: `Satisfaction survey F1: ${THEME_2015}`,
    blocks: [
      { type: 'text', text: 'Anonymous.', style: 'muted' },
      {
        type: 'form',
        form: {
          id: 'feedback:F1',
          inputs: [1, 2, 3].map((i) => ({
            type: 'choice' as const,
            id: `s${i}`,
            label: `Statement ${i}: the workshop furthered mutual learning among governments and other actors`,
            multi: false,
            required: false,
            options: ['5', '4', '3', '2', '1'].map((v) => ({ value: v, label: `Level ${v}` })),
          })),
          submit: { label: 'Send my answers now please', action: { type: 'feedback', id: 'F1' } },
        },
      },
    ],
  };

  it('turns a form card into a modal: radio buttons, a 24-character title with the full title in the body', () => {
    const view = cardToModal(survey, { lang: 'en', channel: 'C0MAIN' });
    expect(validateView(view)).toEqual([]);
    expect(view.title.text.length).toBeLessThanOrEqual(24);
    expect(blocksText(view.blocks)).toContain(THEME_2015);
    expect(view.blocks.filter((b) => b.type === 'input' && (b as any).element.type === 'radio_buttons')).toHaveLength(
      3,
    );
    expect(readModalContext(view.private_metadata)).toEqual({
      action: { type: 'feedback', id: 'F1' },
      channel: 'C0MAIN',
    });
  });

  it('reads submitted values back by input id', () => {
    const view = cardToModal(survey, { lang: 'en' });
    const input = view.blocks.find((b) => b.type === 'input') as any;
    const values = readFormValues({
      [input.block_id]: { [input.element.action_id]: { type: 'radio_buttons', selected_option: { value: '4' } } },
      'consult-form:0:s2': { x: { type: 'radio_buttons', selected_option: null } },
      'consult-form:0:multi': { x: { type: 'checkboxes', selected_options: [{ value: '1' }, { value: '3' }] } },
      'consult-form:0:text': { x: { type: 'plain_text_input', value: 'Migration and climate' } },
      'something-else': { x: { type: 'plain_text_input', value: 'ignored' } },
    });
    expect(values).toEqual({ s1: '4', s2: undefined, multi: ['1', '3'], text: 'Migration and climate' });
  });

  it('the launch modal is valid in every language and becomes the neutral launch command', () => {
    for (const lang of ['en', 'fr', 'es'] as const) expect(validateView(launchModal(lang, 'C1'))).toEqual([]);
    // The modal's values go to the core as the launch form's: the same command the typed grammar makes.
    const read = (values: Record<string, string | string[]>) => {
      const { kind, values: v } = launchSubmission(values);
      return launchFromValues(kind, v);
    };
    expect(
      read({
        kind: 'topics',
        opt1: 'Labour mobility',
        opt2: ' ',
        opt3: 'Diasporas\nDiásporas',
        select: '2',
        deadline: '2026-05-01',
        eligible: 'all',
        visibility: 'hidden',
      }),
    ).toEqual({
      type: 'topics',
      options: ['Labour mobility', 'Diasporas / Diásporas'],
      select: 2,
      deadline: '2026-05-01',
      eligible: 'all',
    });
    expect(
      read({
        kind: 'feedback',
        opt1: 'Workshop on health',
        opt2: 'It was useful',
        visibility: 'live',
        participants: ['U0A'],
      }),
    ).toEqual({
      type: 'feedback',
      workshop: 'Workshop on health',
      statements: ['It was useful'],
      invited: ['slack:U0A'],
      live: true,
    });
    expect(() => read({ kind: 'theme' })).toThrow();
    // A silence procedure from the modal: the first field is the text to adopt.
    expect(
      read({ kind: 'silence', opt1: 'The IDM 2027 theme is adopted.', deadline: '2026-05-01', eligible: 'all' }),
    ).toEqual({
      type: 'silence',
      text: 'The IDM 2027 theme is adopted.',
      deadline: '2026-05-01',
      eligible: 'all',
    });
  });
});

describe('the Block Kit validator itself', () => {
  it('catches what Slack would reject', () => {
    const button = (id: string, text: string) => ({
      type: 'button',
      action_id: id,
      text: { type: 'plain_text', text },
      value: 'x',
    });
    const problems = validateMessage({
      text: 'fallback',
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: 'h'.repeat(151) } },
        { type: 'section', text: { type: 'mrkdwn', text: 's'.repeat(3001) } },
        { type: 'actions', elements: [button('a', 'b'.repeat(76)), button('a', 'ok')] },
        ...Array.from({ length: 48 }, () => ({ type: 'divider' })),
      ],
    });
    expect(problems.join('\n')).toMatch(/51 blocks/);
    expect(problems.join('\n')).toMatch(/151 characters/);
    expect(problems.join('\n')).toMatch(/3001 characters/);
    expect(problems.join('\n')).toMatch(/76 characters/);
    expect(problems.join('\n')).toMatch(/duplicate action_id a/);
    expect(validateView({ type: 'modal', title: { type: 'plain_text', text: 'x'.repeat(25) }, blocks: [] })).toEqual([
      'title: text of 25 characters (max 24)',
    ]);
  });
});

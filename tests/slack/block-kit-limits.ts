/**
 * A validator of Slack's documented Block Kit limits (docs.slack.dev/reference/block-kit),
 * written independently of the renderer so the two check each other. Returns the problems found.
 */
type Json = Record<string, any>;

type Surface = 'message' | 'modal' | 'home';

const BLOCK_TYPES = new Set(['section', 'header', 'context', 'actions', 'divider', 'input', 'image', 'rich_text']);
const ELEMENT_TYPES = new Set([
  'button',
  'checkboxes',
  'radio_buttons',
  'static_select',
  'multi_static_select',
  'plain_text_input',
  'datepicker',
  'timepicker',
  'number_input',
  'multi_users_select',
  'overflow',
]);

class Checker {
  readonly problems: string[] = [];
  private readonly actionIds = new Set<string>();
  private readonly blockIds = new Set<string>();

  fail(where: string, what: string) {
    this.problems.push(`${where}: ${what}`);
  }

  text(where: string, t: Json | undefined, max: number, opts: { plainOnly?: boolean; required?: boolean } = {}) {
    if (!t) {
      if (opts.required) this.fail(where, 'missing text');
      return;
    }
    if (t.type !== 'plain_text' && t.type !== 'mrkdwn') this.fail(where, `text type ${t.type}`);
    if (opts.plainOnly && t.type !== 'plain_text') this.fail(where, 'must be plain_text');
    if (typeof t.text !== 'string') return this.fail(where, 'text is not a string');
    if (t.text.length === 0) this.fail(where, 'empty text');
    if (t.text.length > max) this.fail(where, `text of ${t.text.length} characters (max ${max})`);
  }

  actionId(where: string, id: unknown) {
    if (id === undefined) return;
    if (typeof id !== 'string' || id.length === 0 || id.length > 255)
      return this.fail(where, `bad action_id ${String(id)}`);
    if (this.actionIds.has(id)) this.fail(where, `duplicate action_id ${id}`);
    this.actionIds.add(id);
  }

  blockId(where: string, id: unknown) {
    if (id === undefined) return;
    if (typeof id !== 'string' || id.length === 0 || id.length > 255)
      return this.fail(where, `bad block_id ${String(id)}`);
    if (this.blockIds.has(id)) this.fail(where, `duplicate block_id ${id}`);
    this.blockIds.add(id);
  }

  option(where: string, o: Json, plainOnly: boolean) {
    this.text(`${where}.text`, o.text, 75, { plainOnly, required: true });
    if (typeof o.value !== 'string' || o.value.length === 0 || o.value.length > 150)
      this.fail(where, `option value of ${String(o.value).length} characters (max 150)`);
    if (o.description) this.text(`${where}.description`, o.description, 75);
  }

  element(where: string, e: Json, surface: Surface, inInput: boolean) {
    if (!ELEMENT_TYPES.has(e.type)) return this.fail(where, `unknown element ${e.type}`);
    this.actionId(where, e.action_id);
    if (e.placeholder) this.text(`${where}.placeholder`, e.placeholder, 150, { plainOnly: true });
    switch (e.type) {
      case 'button':
        this.text(`${where}.text`, e.text, 75, { plainOnly: true, required: true });
        if (e.value !== undefined && (typeof e.value !== 'string' || e.value.length > 2000))
          this.fail(where, `button value of ${String(e.value).length} characters (max 2000)`);
        if (e.style !== undefined && e.style !== 'primary' && e.style !== 'danger')
          this.fail(where, `bad style ${e.style}`);
        break;
      case 'checkboxes':
      case 'radio_buttons':
        if (!Array.isArray(e.options) || e.options.length === 0 || e.options.length > 10)
          this.fail(where, `${e.options?.length} options (1..10)`);
        e.options?.forEach((o: Json, i: number) => this.option(`${where}.options[${i}]`, o, false));
        break;
      case 'static_select':
      case 'multi_static_select':
        if (!Array.isArray(e.options) || e.options.length === 0 || e.options.length > 100)
          this.fail(where, `${e.options?.length} options (1..100)`);
        e.options?.forEach((o: Json, i: number) => this.option(`${where}.options[${i}]`, o, true));
        if (e.max_selected_items !== undefined && !(e.max_selected_items >= 1))
          this.fail(where, 'max_selected_items < 1');
        break;
      case 'plain_text_input':
        if (!inInput && surface !== 'message') this.fail(where, 'plain_text_input outside an input block');
        if (e.max_length !== undefined && (e.max_length < 1 || e.max_length > 3000))
          this.fail(where, `max_length ${e.max_length} (1..3000)`);
        break;
      case 'datepicker':
        if (e.initial_date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(e.initial_date))
          this.fail(where, 'initial_date is not YYYY-MM-DD');
        break;
      case 'timepicker':
        if (e.initial_time !== undefined && !/^([01]\d|2[0-3]):[0-5]\d$/.test(e.initial_time))
          this.fail(where, 'initial_time is not HH:mm');
        break;
      case 'number_input':
        if (!inInput) this.fail(where, 'number_input outside an input block');
        if (typeof e.is_decimal_allowed !== 'boolean') this.fail(where, 'number_input needs is_decimal_allowed');
        for (const k of ['min_value', 'max_value', 'initial_value'])
          if (e[k] !== undefined && (typeof e[k] !== 'string' || !/^-?\d+(\.\d+)?$/.test(e[k])))
            this.fail(where, `${k} must be a number written as a string`);
        break;
      case 'multi_users_select':
        if (e.max_selected_items !== undefined && !(e.max_selected_items >= 1))
          this.fail(where, 'max_selected_items < 1');
        break;
    }
  }

  block(where: string, b: Json, surface: Surface) {
    if (!BLOCK_TYPES.has(b.type)) return this.fail(where, `unknown block ${b.type}`);
    this.blockId(where, b.block_id);
    switch (b.type) {
      case 'header':
        this.text(`${where}.text`, b.text, 150, { plainOnly: true, required: true });
        break;
      case 'section':
        if (!b.text && !b.fields) this.fail(where, 'section without text or fields');
        if (b.text) this.text(`${where}.text`, b.text, 3000);
        if (b.fields) {
          if (b.fields.length > 10) this.fail(where, `${b.fields.length} fields (max 10)`);
          b.fields.forEach((f: Json, i: number) => this.text(`${where}.fields[${i}]`, f, 2000, { required: true }));
        }
        if (b.accessory) this.element(`${where}.accessory`, b.accessory, surface, false);
        break;
      case 'context':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 10)
          this.fail(where, `${b.elements?.length} context elements (1..10)`);
        b.elements?.forEach((e: Json, i: number) => this.text(`${where}.elements[${i}]`, e, 3000, { required: true }));
        break;
      case 'actions':
        if (!Array.isArray(b.elements) || b.elements.length === 0 || b.elements.length > 25)
          this.fail(where, `${b.elements?.length} elements (1..25)`);
        b.elements?.forEach((e: Json, i: number) => this.element(`${where}.elements[${i}]`, e, surface, false));
        break;
      case 'input':
        this.text(`${where}.label`, b.label, 2000, { plainOnly: true, required: true });
        if (b.hint) this.text(`${where}.hint`, b.hint, 2000, { plainOnly: true });
        if (!b.element) this.fail(where, 'input without element');
        else this.element(`${where}.element`, b.element, surface, true);
        break;
    }
  }

  blocks(blocks: unknown, surface: Surface) {
    if (!Array.isArray(blocks)) return this.fail('blocks', 'not an array');
    const max = surface === 'message' ? 50 : 100;
    if (blocks.length > max) this.fail('blocks', `${blocks.length} blocks (max ${max} in a ${surface})`);
    blocks.forEach((b: Json, i: number) => this.block(`blocks[${i}]`, b, surface));
  }
}

/** Problems with a message payload (chat.postMessage, chat.update, chat.postEphemeral, response_url). */
export function validateMessage(payload: Json): string[] {
  const c = new Checker();
  if (payload.blocks !== undefined) c.blocks(payload.blocks, 'message');
  if (typeof payload.text !== 'string' || payload.text.length === 0)
    c.fail('text', 'messages with blocks need fallback text');
  else if (payload.text.length > 40_000) c.fail('text', 'longer than 40000');
  return c.problems;
}

/** Problems with a view (views.open, views.publish, views.update). */
export function validateView(view: Json): string[] {
  const c = new Checker();
  if (view.type === 'modal') {
    c.text('title', view.title, 24, { plainOnly: true, required: true });
    if (view.submit) c.text('submit', view.submit, 24, { plainOnly: true });
    if (view.close) c.text('close', view.close, 24, { plainOnly: true });
    const hasInput = (view.blocks ?? []).some((b: Json) => b.type === 'input');
    if (hasInput && !view.submit) c.fail('submit', 'a modal with inputs needs a submit button');
    c.blocks(view.blocks, 'modal');
  } else if (view.type === 'home') {
    c.blocks(view.blocks, 'home');
  } else {
    c.fail('type', `unknown view type ${view.type}`);
  }
  if (view.private_metadata !== undefined && String(view.private_metadata).length > 3000)
    c.fail('private_metadata', 'longer than 3000');
  if (view.callback_id !== undefined && String(view.callback_id).length > 255) c.fail('callback_id', 'longer than 255');
  return c.problems;
}

const MESSAGE_METHODS = new Set(['chat.postMessage', 'chat.update', 'chat.postEphemeral', 'response_url']);
const VIEW_METHODS = new Set(['views.open', 'views.publish', 'views.update', 'views.push']);

/** Validates every Block Kit payload among recorded calls; returns the problems, prefixed by the call. */
export function validateCalls(calls: { method: string; body: Json }[]): string[] {
  const problems: string[] = [];
  calls.forEach((call, i) => {
    const found = MESSAGE_METHODS.has(call.method)
      ? validateMessage(call.body)
      : VIEW_METHODS.has(call.method)
        ? validateView(call.body.view)
        : [];
    for (const p of found) problems.push(`#${i} ${call.method} ${p}`);
  });
  return problems;
}

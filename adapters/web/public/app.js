// The local chat page: a Direct Line 3.0 client (token, post, poll by watermark) that draws the
// bot's Adaptive Cards with Microsoft's renderer. Plain browser JavaScript, no build step.
/* global AdaptiveCards */

const TEXT = {
  en: {
    subtitle: 'Local chat',
    demoBadge: 'Demo mode · sample roster · nothing here reaches a real store',
    language: 'Language',
    actAs: 'Act as',
    clock: 'Fast-forward clock',
    simulatedTime: 'Simulated time',
    plusHour: '+1 hour',
    plusDay: '+1 day',
    plusWeek: '+1 week',
    clockHint: 'Deadlines, reminders and results happen when their time comes.',
    placeholder: 'Type a command, e.g. help',
    send: 'Send',
    dmEmpty: 'Reminders and personal messages from Consult arrive here.',
    dmTitle: (n) => `Personal chat · ${n}`,
    secretariat: 'Secretariat',
    delegate: (d, i) => `${d} · delegate ${i}`,
    delegateN: (i) => `Delegate ${i}`,
    seenAs: (n) => `As seen by ${n}`,
    replyTo: (n) => `In reply to ${n}`,
    try: 'Try:',
    exTheme: 'theme "Managing Migration in Crisis Situations" "Families and migration"',
    noIdentities: 'No web users on the roster yet. Add one with: roster add web:<id> "<delegation>" member',
    failed: 'The bot did not answer. Is Consult still running?',
    tabChannel: 'Channel',
    tabPersonal: 'Personal',
    tabMenu: 'Act as',
    moved: (d) => `Clock moved to ${d}`,
  },
  fr: {
    subtitle: 'Discussion locale',
    demoBadge: 'Mode démo · liste fictive · rien n’atteint un registre réel',
    language: 'Langue',
    actAs: 'Agir en tant que',
    clock: 'Avancer l’horloge',
    simulatedTime: 'Heure simulée',
    plusHour: '+1 heure',
    plusDay: '+1 jour',
    plusWeek: '+1 semaine',
    clockHint: 'Échéances, rappels et résultats arrivent à leur heure.',
    placeholder: 'Saisissez une commande, p. ex. help',
    send: 'Envoyer',
    dmEmpty: 'Les rappels et messages personnels de Consult arrivent ici.',
    dmTitle: (n) => `Discussion personnelle · ${n}`,
    secretariat: 'Secrétariat',
    delegate: (d, i) => `${d} · délégué(e) ${i}`,
    delegateN: (i) => `Délégué(e) ${i}`,
    seenAs: (n) => `Vu par ${n}`,
    replyTo: (n) => `En réponse à ${n}`,
    try: 'Essayez :',
    exTheme: 'theme "Managing Migration in Crisis Situations" "Families and migration"',
    noIdentities: 'Aucun utilisateur web dans la liste. Ajoutez-en un : roster add web:<id> "<délégation>" member',
    failed: 'Le bot n’a pas répondu. Consult fonctionne-t-il encore ?',
    tabChannel: 'Canal',
    tabPersonal: 'Personnel',
    tabMenu: 'Identité',
    moved: (d) => `Horloge avancée au ${d}`,
  },
  es: {
    subtitle: 'Chat local',
    demoBadge: 'Modo demostración · lista ficticia · nada llega a un registro real',
    language: 'Idioma',
    actAs: 'Actuar como',
    clock: 'Adelantar el reloj',
    simulatedTime: 'Hora simulada',
    plusHour: '+1 hora',
    plusDay: '+1 día',
    plusWeek: '+1 semana',
    clockHint: 'Plazos, recordatorios y resultados llegan a su hora.',
    placeholder: 'Escriba un comando, p. ej. help',
    send: 'Enviar',
    dmEmpty: 'Aquí llegan los recordatorios y mensajes personales de Consult.',
    dmTitle: (n) => `Chat personal · ${n}`,
    secretariat: 'Secretaría',
    delegate: (d, i) => `${d} · delegado/a ${i}`,
    delegateN: (i) => `Delegado/a ${i}`,
    seenAs: (n) => `Visto por ${n}`,
    replyTo: (n) => `En respuesta a ${n}`,
    try: 'Pruebe:',
    exTheme: 'theme "Managing Migration in Crisis Situations" "Families and migration"',
    noIdentities: 'Aún no hay usuarios web en la lista. Añada uno: roster add web:<id> "<delegación>" member',
    failed: 'El bot no respondió. ¿Sigue funcionando Consult?',
    tabChannel: 'Canal',
    tabPersonal: 'Chat personal',
    tabMenu: 'Identidad',
    moved: (d) => `Reloj adelantado al ${d}`,
  },
};
const KIND_ORDER = ['secretariat', 'member', 'observer-state', 'observer-org'];
const CARD = 'application/vnd.microsoft.card.adaptive';

const state = {
  setup: null,
  lang: pickLang(),
  user: null,
  channel: null, // { conversationId, token, watermark, items: Map<activityId, entry> }
  dm: null,
  overlays: new Map(), // activityId -> { user, card, at }: what the acting user sees instead of the shared card
};
const $ = (id) => document.getElementById(id);
const t = () => TEXT[state.lang];

function pickLang() {
  const saved = localStorage.getItem('consult.lang');
  if (saved && TEXT[saved]) return saved;
  for (const l of navigator.languages || [navigator.language]) {
    const base = String(l).slice(0, 2).toLowerCase();
    if (TEXT[base]) return base;
  }
  return 'en';
}

/** The locale sent with activities: the browser's own when it is in the chosen language. */
function locale() {
  const browser = navigator.language || '';
  return browser.toLowerCase().startsWith(state.lang) ? browser : state.lang;
}

async function api(path, { method = 'GET', body, token } = {}) {
  const headers = {};
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok) throw Object.assign(new Error(`${method} ${path}: ${res.status}`), { status: res.status });
  return res.json();
}

// ---- identities -------------------------------------------------------------------------------

function identity(id) {
  return state.setup.identities.find((x) => x.id === id);
}

function displayName(id) {
  const who = identity(id);
  if (!who) return id === 'consult-bot' ? 'Consult' : id;
  if (who.secretariat) return t().secretariat;
  return t().delegate(who.delegation, delegateNumber(id));
}

function delegateNumber(id) {
  const who = identity(id);
  return state.setup.identities.filter((x) => x.delegation === who.delegation).findIndex((x) => x.id === id) + 1;
}

function initials(id) {
  const who = identity(id);
  if (id === 'consult-bot') return 'C';
  if (who?.secretariat) return 'S';
  return (who?.delegation || id).slice(0, 2).toUpperCase();
}

function drawIdentities() {
  const box = $('identities');
  box.replaceChildren();
  if (!state.setup.identities.length)
    box.append(Object.assign(document.createElement('p'), { className: 'hint', textContent: t().noIdentities }));
  const group = (x) => (x.secretariat ? 'secretariat' : x.kind);
  for (const kind of KIND_ORDER) {
    const members = state.setup.identities.filter((x) => group(x) === kind);
    if (!members.length) continue;
    const h = document.createElement('h3');
    h.textContent = kind === 'secretariat' ? t().secretariat : members[0].kindLabel[state.lang];
    box.append(h);
    for (const who of members) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'identity';
      b.dataset.user = who.id;
      b.setAttribute('role', 'radio');
      b.setAttribute('aria-checked', String(who.id === state.user));
      const avatar = Object.assign(document.createElement('span'), {
        className: `avatar ${group(who)}`,
        textContent: initials(who.id),
      });
      const label = Object.assign(document.createElement('span'), { className: 'who' });
      label.append(
        Object.assign(document.createElement('strong'), {
          textContent: who.secretariat ? t().secretariat : who.delegation,
        }),
      );
      const detail = who.secretariat ? [] : [t().delegateN(delegateNumber(who.id)), who.region].filter(Boolean);
      if (detail.length)
        label.append(Object.assign(document.createElement('small'), { textContent: detail.join(' · ') }));
      b.append(avatar, label);
      b.addEventListener('click', () => actAs(who.id));
      box.append(b);
    }
  }
}

async function actAs(id) {
  state.user = id;
  if (document.body.dataset.view === 'menu') showView('channel');
  localStorage.setItem('consult.user', id);
  drawIdentities();
  drawChrome();
  state.overlays.clear();
  await openPersonal();
  redrawAll();
}

// ---- conversations ----------------------------------------------------------------------------

async function openConversation(request, logEl) {
  const grant = await api('/webchat/token', { method: 'POST', body: request });
  return { ...grant, watermark: '0', items: new Map(), log: logEl };
}

async function openPersonal() {
  $('dm-log').replaceChildren(
    Object.assign(document.createElement('p'), { className: 'empty', textContent: t().dmEmpty }),
  );
  state.dm = await openConversation({ conversation: 'personal', user: state.user }, $('dm-log'));
  await poll(state.dm);
}

async function poll(conv) {
  if (!conv) return;
  try {
    const data = await api(
      `/v3/directline/conversations/${encodeURIComponent(conv.conversationId)}/activities?watermark=${conv.watermark}`,
      { token: conv.token },
    );
    conv.watermark = data.watermark;
    for (const a of data.activities) upsert(conv, a);
  } catch (err) {
    if (err.status === 403 || err.status === 401)
      Object.assign(
        conv,
        await api('/webchat/token', {
          method: 'POST',
          body: conv === state.dm ? { conversation: 'personal', user: state.user } : { conversation: 'channel' },
        }),
      );
  }
}

async function pollLoop() {
  await Promise.all([poll(state.channel), poll(state.dm)]);
  setTimeout(pollLoop, 1000);
}

function upsert(conv, activity) {
  const known = conv.items.get(activity.id);
  const entry = known || { activity, el: document.createElement('article') };
  entry.activity = activity;
  conv.items.set(activity.id, entry);
  const overlay = state.overlays.get(activity.id);
  // An update of a card this user just acted on changes nothing they see; other updates are re-read as them.
  if (known && overlay && Date.now() - overlay.at > 4000) state.overlays.delete(activity.id);
  drawEntry(conv, entry);
  if (!known) {
    if (conv === state.dm && document.body.dataset.view !== 'personal' && conv.items.size > 0)
      $('dm-unread').hidden = false;
    conv.log.querySelector('.empty')?.remove();
    conv.log.append(entry.el);
    conv.log.scrollTop = conv.log.scrollHeight;
  }
}

function redrawAll() {
  for (const conv of [state.channel, state.dm])
    if (conv) for (const entry of conv.items.values()) drawEntry(conv, entry);
}

// ---- drawing ----------------------------------------------------------------------------------

function cardOf(activity) {
  return (activity.attachments || []).find((x) => x.contentType === CARD)?.content;
}

function drawEntry(conv, entry) {
  const a = entry.activity;
  const fromBot = a.from?.role === 'bot';
  const el = entry.el;
  el.className = `msg ${fromBot ? 'bot' : 'user'}${!fromBot && a.from?.id === state.user ? ' mine' : ''}`;
  el.dataset.activityId = a.id;
  const head = document.createElement('div');
  head.className = 'meta';
  const avatar = Object.assign(document.createElement('span'), {
    className: `avatar ${fromBot ? 'bot' : identity(a.from?.id)?.secretariat ? 'secretariat' : identity(a.from?.id)?.kind || ''}`,
    textContent: initials(a.from?.id),
  });
  const name = Object.assign(document.createElement('strong'), {
    textContent: fromBot ? 'Consult' : displayName(a.from?.id),
  });
  const time = Object.assign(document.createElement('time'), {
    textContent: new Date(a.timestamp).toLocaleString(state.lang, {
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: state.setup.timezone,
    }),
  });
  head.append(avatar, name, time);
  const replyTo = a.replyToId && conv.items.get(a.replyToId)?.activity.from?.id;
  if (replyTo)
    head.append(
      Object.assign(document.createElement('span'), {
        className: 'reply-to',
        textContent: t().replyTo(displayName(replyTo)),
      }),
    );
  const body = document.createElement('div');
  body.className = 'body';
  if (a.text && !cardOf(a))
    body.append(Object.assign(document.createElement('p'), { className: 'text', textContent: a.text }));
  const shared = cardOf(a);
  if (shared) {
    const overlay = state.overlays.get(a.id);
    const card = overlay && overlay.user === state.user ? overlay.card : shared;
    body.append(renderCard(card, conv, a.id));
    if (shared.refresh) {
      body.append(
        Object.assign(document.createElement('p'), {
          className: 'seen-as',
          textContent: t().seenAs(displayName(state.user)),
        }),
      );
      if (!overlay || overlay.user !== state.user) void refresh(conv, a.id, shared.refresh.action);
    }
  }
  el.replaceChildren(head, body);
}

function hostConfig() {
  const colors = (d, s) => ({ default: d, subtle: s || d });
  return new AdaptiveCards.HostConfig({
    fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
    supportsInteractivity: true,
    spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 28, padding: 16 },
    fontSizes: { small: 12, default: 14, medium: 16, large: 20, extraLarge: 24 },
    containerStyles: {
      default: {
        backgroundColor: '#ffffff',
        foregroundColors: {
          default: colors('#1f2937', '#6b7280'),
          dark: colors('#111827'),
          light: colors('#f9fafb'),
          accent: colors('#1d4ed8', '#3b82f6'),
          good: colors('#15803d', '#16a34a'),
          warning: colors('#b45309', '#d97706'),
          attention: colors('#b91c1c', '#dc2626'),
        },
      },
    },
    actions: {
      maxActions: 20,
      buttonSpacing: 8,
      actionsOrientation: 'vertical',
      actionAlignment: 'stretch',
      spacing: 'default',
      allowTitleToWrap: true,
    },
    factSet: { title: { weight: 'bolder', wrap: true, maxWidth: 180 }, value: { wrap: true }, spacing: 8 },
  });
}

function renderCard(json, conv, activityId) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = hostConfig();
  card.onExecuteAction = (action) => {
    if (action.getJsonTypeName() !== 'Action.Execute') return;
    void execute(conv, activityId, { type: 'Action.Execute', verb: action.verb, data: action.data });
  };
  card.parse(json);
  return card.render() || document.createElement('div');
}

// ---- talking to the bot -----------------------------------------------------------------------

async function post(conv, activity) {
  return api(`/v3/directline/conversations/${encodeURIComponent(conv.conversationId)}/activities`, {
    method: 'POST',
    token: conv.token,
    body: { ...activity, from: { id: state.user, name: displayName(state.user) }, locale: locale() },
  });
}

/** A card button: an Adaptive Card Universal Action, answered with the card to show in its place. */
async function execute(conv, activityId, action) {
  try {
    const res = await post(conv, { type: 'invoke', name: 'adaptiveCard/action', value: { action } });
    showInvokeResult(conv, activityId, res.invokeResponse, true);
  } catch {
    toast(t().failed);
  }
  await poll(conv);
}

async function refresh(conv, activityId, action) {
  const asked = { user: state.user, lang: state.lang, at: Date.now() };
  try {
    const res = await post(conv, { type: 'invoke', name: 'adaptiveCard/action', value: { action } });
    // Too late if the person moved on, or acted on the card meanwhile (that answer is newer).
    const acted = (state.overlays.get(activityId)?.at ?? 0) >= asked.at;
    if (asked.user === state.user && asked.lang === state.lang && !acted)
      showInvokeResult(conv, activityId, res.invokeResponse, false);
  } catch {
    /* the shared card stays */
  }
}

function showInvokeResult(conv, activityId, invoke, fromAction) {
  const body = invoke?.body;
  if (!body || body.type !== CARD || !body.value) return;
  state.overlays.set(activityId, { user: state.user, card: body.value, at: fromAction ? Date.now() : 0 });
  const entry = conv.items.get(activityId);
  if (entry) drawEntry(conv, entry);
}

async function send(text) {
  if (!text.trim()) return;
  try {
    await post(state.channel, { type: 'message', text });
  } catch {
    toast(t().failed);
  }
  await poll(state.channel);
}

// ---- chrome -----------------------------------------------------------------------------------

/** On a phone one view shows at a time (CSS hides the others): the channel, the personal chat, or the menu. */
function showView(view) {
  document.body.dataset.view = view;
  for (const b of document.querySelectorAll('#tabs [data-view]'))
    b.setAttribute('aria-pressed', String(b.dataset.view === view));
  if (view === 'personal') $('dm-unread').hidden = true;
}

function formatNow(iso) {
  return new Date(iso).toLocaleString(state.lang, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    timeZone: state.setup.timezone,
  });
}

function drawChrome() {
  document.documentElement.lang = state.lang;
  $('lang').value = state.lang;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t()[el.dataset.i18n];
  for (const el of document.querySelectorAll('[data-i18n-placeholder]'))
    el.placeholder = t()[el.dataset.i18nPlaceholder];
  $('dm-title').textContent = state.user ? t().dmTitle(displayName(state.user)) : '';
  $('now').textContent = `${formatNow(state.setup.now)} (${state.setup.timezone})`;
  const examples = $('examples');
  examples.replaceChildren(Object.assign(document.createElement('span'), { textContent: t().try }));
  const who = identity(state.user);
  for (const ex of who?.secretariat ? ['help', 'status', t().exTheme] : ['help', 'status']) {
    const chip = Object.assign(document.createElement('button'), {
      type: 'button',
      className: 'chip',
      textContent: ex,
    });
    chip.addEventListener('click', () => {
      $('composer-input').value = ex;
      $('composer-input').focus();
    });
    examples.append(chip);
  }
}

let toastTimer;
function toast(text) {
  const el = $('toast');
  el.textContent = text;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => (el.hidden = true), 4000);
}

async function advance(step) {
  const buttons = document.querySelectorAll('[data-advance]');
  for (const b of buttons) b.disabled = true;
  let res;
  try {
    res = await api('/webchat/clock', { method: 'POST', body: { advance: step } });
  } finally {
    for (const b of buttons) b.disabled = false;
  }
  state.setup.now = res.now;
  state.overlays.clear();
  drawChrome();
  toast(t().moved(formatNow(res.now)));
  await Promise.all([poll(state.channel), poll(state.dm)]);
  redrawAll();
}

async function main() {
  state.setup = await api('/webchat/setup');
  const saved = localStorage.getItem('consult.user');
  state.user = identity(saved) ? saved : state.setup.identities[0]?.id || 'me';
  $('demo-badge').hidden = !state.setup.demo;
  $('clock-panel').hidden = !state.setup.demo;
  document.body.classList.toggle('is-demo', state.setup.demo);
  drawIdentities();
  drawChrome();
  $('lang').addEventListener('change', () => {
    state.lang = $('lang').value;
    localStorage.setItem('consult.lang', state.lang);
    state.overlays.clear();
    drawIdentities();
    drawChrome();
    redrawAll();
  });
  $('composer').addEventListener('submit', (ev) => {
    ev.preventDefault();
    const input = $('composer-input');
    const text = input.value;
    input.value = '';
    void send(text);
  });
  for (const b of document.querySelectorAll('#tabs [data-view]'))
    b.addEventListener('click', () => showView(b.dataset.view));
  showView('channel');
  for (const b of document.querySelectorAll('[data-advance]'))
    b.addEventListener('click', () => void advance(b.dataset.advance));
  state.channel = await openConversation({ conversation: 'channel' }, $('channel-log'));
  await openPersonal();
  // Tokens last 30 minutes: renew both well before.
  setInterval(
    async () => {
      for (const conv of [state.channel, state.dm])
        if (conv)
          Object.assign(conv, {
            token: (await api('/v3/directline/tokens/refresh', { method: 'POST', token: conv.token })).token,
          });
    },
    20 * 60 * 1000,
  );
  document.body.dataset.ready = 'true';
  void pollLoop();
}

document.addEventListener('DOMContentLoaded', () => void main());

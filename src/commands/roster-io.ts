/** The roster in one step: `roster import` (CSV lines, all or nothing) and `roster export` (the same CSV). */
import type { Caller, Env } from './env.ts';
import { reply } from './env.ts';
import { requireSecretariat } from '../domain/roster.ts';
import { UserId, platformOf } from '../domain/model.ts';
import { applyImport, parseRosterCsv, planImport, rosterCsv, type Resolved } from '../domain/roster-import.ts';
import { importFormCard, importSummaryCard, rejectedImportCard, rosterListing } from '../views/roster.ts';
import { textCard } from '../views/reply.ts';
import type { OutboundMessage } from '../outbound.ts';

/** Addresses the caller's platform knows, checked: an adapter's answer is input like any other. */
async function resolveEmails(caller: Caller, emails: string[]): Promise<Resolved> {
  const resolved: Resolved = new Map();
  if (!emails.length || !caller.directory) return resolved;
  const found = await caller.directory.lookupEmails(emails);
  for (const email of emails) {
    const entry = found.get(email);
    if (entry && UserId.safeParse(entry.user).success) {
      resolved.set(email, { user: entry.user, ...(entry.name ? { name: entry.name.slice(0, 200) } : {}) });
    }
  }
  return resolved;
}

export async function rosterImport(env: Env, caller: Caller, csv?: string): Promise<OutboundMessage[]> {
  requireSecretariat(env.store.meta(), env.secretariat, caller.user);
  const t = env.view(caller.lang).t;
  if (!csv?.trim()) return [reply(caller, importFormCard(t), 'form')];
  const { rows, bad } = parseRosterCsv(csv);
  if (bad.length) {
    // Report the conflicts between the readable lines too: every bad line at once.
    const all = [...bad, ...planImport(rows, new Map()).bad];
    return [reply(caller, rejectedImportCard(env.view(caller.lang), all), 'error', { errorCode: 'roster' })];
  }
  const emails = [...new Set(rows.flatMap((r) => (r.user.kind === 'email' ? [r.user.email] : [])))];
  const plan = planImport(rows, await resolveEmails(caller, emails));
  if (plan.bad.length)
    return [reply(caller, rejectedImportCard(env.view(caller.lang), plan.bad), 'error', { errorCode: 'roster' })];
  const people = env.store.meta().people ?? {};
  const unnamed = plan.delegations
    .flatMap((d) => d.users)
    .filter((u) => !plan.names.has(u) && !(Object.hasOwn(people, u) && people[u].name))
    .filter((u) => platformOf(u) === caller.platform);
  if (unnamed.length && caller.directory) {
    for (const [u, name] of await caller.directory.displayNames(unnamed)) {
      if (unnamed.includes(u) && typeof name === 'string' && name) plan.names.set(u, name.slice(0, 200));
    }
  }
  const summary = await env.store.updateMeta((m) => applyImport(m, plan));
  env.log(
    `roster import by ${caller.user}: ${rows.length} lines, ${summary.delegationsAdded} delegations added, ${summary.delegatesAdded} delegates added, ${summary.delegatesMoved} moved, ${summary.pending} pending`,
  );
  return [reply(caller, importSummaryCard(t, summary, rows.length, plan.unresolved))];
}

export function rosterExport(env: Env, caller: Caller): OutboundMessage[] {
  const meta = env.store.meta();
  requireSecretariat(meta, env.secretariat, caller.user);
  const t = env.view(caller.lang).t;
  const { delegations, delegates } = rosterListing(t, meta, []);
  return [
    reply(caller, textCard(t.reply.rosterTitle, t.roster.exported(delegations, delegates), 'success'), 'export', {
      file: { name: 'roster.csv', mime: 'text/csv', content: rosterCsv(meta) },
    }),
  ];
}

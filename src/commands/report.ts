/** `report <id> [all]`: the results of a closed consultation as a PDF, sent privately to the secretariat member who asked. */
import type { Caller, Env } from './env.ts';
import { reply, requireConsultation } from './env.ts';
import { requireSecretariat } from '../domain/roster.ts';
import { LANGS } from '../domain/model.ts';
import { fail, problem } from '../errors.ts';
import { textCard } from '../views/reply.ts';
import { reportDocument } from '../report/report-model.ts';
import type { OutboundMessage } from '../outbound.ts';

export async function report(env: Env, caller: Caller, id: string, all: boolean): Promise<OutboundMessage[]> {
  requireSecretariat(env.store.meta(), env.secretariat, caller.user);
  const c = requireConsultation(env, id);
  if (c.status === 'cancelled') fail('cancelled', problem('reportCancelled', c.id));
  if (c.kind === 'silence') fail('invalid', problem('reportNotForSilence', c.id));
  // A report is the record of a result: there is none before the close.
  if (c.status !== 'closed') fail('not-closed', problem('reportNotClosed', c.id));
  const langs = all ? [...LANGS] : [caller.lang];
  const docs = langs.map((lang) => reportDocument(env.view(lang), c));
  let pdf: Uint8Array;
  try {
    pdf = await env.reports.pdf(docs, docs[0].title);
  } catch (err) {
    env.log(`report on ${c.id} failed: ${err instanceof Error ? err.message : String(err)}`);
    return fail('report-failed', problem('reportFailed'));
  }
  // Recorded once the PDF exists (a failed attempt is no report). The PDF states the head hash of the
  // trail as it was written, so this entry is the first after that head.
  const at = env.clock.now().toISOString();
  await env.store.update(
    c.id,
    (d) =>
      void d.audit.push({ at, by: caller.user, platform: caller.platform, action: 'report', detail: langs.join(' ') }),
  );
  const name = `consult-${c.id}-report-${all ? 'en-fr-es' : caller.lang}.pdf`;
  const t = env.view(caller.lang).t;
  return [
    reply(caller, textCard(t.ballot.id(c.id), t.report.sent(c.id, name), 'success'), 'export', {
      consultationId: c.id,
      file: { name, mime: 'application/pdf', content: pdf },
    }),
  ];
}

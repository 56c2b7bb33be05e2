/**
 * The head hash of a consultation's audit trail: each entry's hash covers the previous hash and
 * the entry's canonical JSON, so changing, removing or reordering any entry changes the head.
 */
import { createHash } from 'node:crypto';
import type { Consultation } from '../domain/model.ts';

export function auditHead(c: Pick<Readonly<Consultation>, 'audit'>): string {
  let head = '';
  for (const entry of c.audit) head = createHash('sha256').update(head).update(JSON.stringify(entry)).digest('hex');
  return head || createHash('sha256').update('').digest('hex');
}

/**
 * Validates Adaptive Cards against the 1.5 schema subset shipped as test data
 * (tests/fixtures/teams/adaptive-card-1.5-subset.schema.json, written from the published spec).
 */
import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject } from 'ajv';

const schemaUrl = new URL('../../fixtures/teams/adaptive-card-1.5-subset.schema.json', import.meta.url);
const ajv = new Ajv({ allErrors: true, strict: true });
const validate = ajv.compile(JSON.parse(readFileSync(schemaUrl, 'utf8')));

export function adaptiveCardErrors(card: unknown): string[] {
  if (validate(card)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

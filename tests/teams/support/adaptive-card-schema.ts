/**
 * Validates Adaptive Cards against the official Adaptive Cards 1.5 JSON schema (draft-06), as published in
 * Microsoft's AdaptiveCards repository (schemas/1.5.0) and kept in the steering folder's reference/ when it is
 * beside the repository, else in tests/fixtures/teams/.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject } from 'ajv';
import formats from 'ajv-formats';

const require = createRequire(import.meta.url);
const shared = new URL('../../../../shared/reference/adaptive-card-1.5.0.json', import.meta.url);
const bundled = new URL('../../fixtures/teams/adaptive-card-1.5.0.json', import.meta.url);
const schema = JSON.parse(readFileSync(existsSync(shared) ? shared : bundled, 'utf8'));
// Draft-06 names the schema's id `id`; ajv reads `$id`.
schema.$id = schema.id;
delete schema.id;

const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json'));
// ajv-formats is CommonJS: its function is the default export's `default` under NodeNext.
(formats as unknown as { default: (a: Ajv) => void }).default(ajv);
const validate = ajv.compile(schema);

export function adaptiveCardErrors(card: unknown): string[] {
  if (validate(card)) return [];
  return (validate.errors ?? []).map(
    (e: ErrorObject) => `${e.instancePath || '/'} ${e.message ?? ''} ${JSON.stringify(e.params)}`,
  );
}

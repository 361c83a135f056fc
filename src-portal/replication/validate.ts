/**
 * Validates pushed documents against the same JSON schemas RxDB uses on the workstation.
 * Nothing is stripped, coerced or defaulted: a document is stored exactly as sent or refused.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { REPLICATED_SCHEMAS, type ReplicatedCollection } from '../../src-shared/contract/documents';

// RxDB-specific schema keywords: harmless annotations for validation, declared so strict mode accepts them.
const RXDB_KEYWORDS = ['version', 'primaryKey', 'indexes', 'encrypted', 'keyCompression', 'attachments', 'internalIndexes'];

const ajv = new Ajv({ allErrors: true, strict: true, removeAdditional: false, useDefaults: false, coerceTypes: false });
for (const keyword of RXDB_KEYWORDS) ajv.addKeyword({ keyword, schemaType: ['number', 'string', 'array', 'boolean', 'object'] });

const validators = new Map<ReplicatedCollection, ValidateFunction>();
function validatorFor(collection: ReplicatedCollection): ValidateFunction {
  let validate = validators.get(collection);
  if (!validate) {
    validate = ajv.compile(REPLICATED_SCHEMAS[collection]);
    validators.set(collection, validate);
  }
  return validate;
}

function describe(error: ErrorObject): string {
  const where = error.instancePath || '(document)';
  if (error.keyword === 'additionalProperties') return `${where}: unknown field "${String(error.params.additionalProperty)}"`;
  return `${where}: ${error.message ?? 'invalid'}`;
}

/** null when valid, else a readable reason. `doc` is the document without RxDB's `_deleted`. */
export function documentProblem(collection: ReplicatedCollection, doc: Record<string, unknown>): string | null {
  const validate = validatorFor(collection);
  if (!validate(doc)) return (validate.errors ?? []).slice(0, 5).map(describe).join('; ') || 'invalid document';
  // PostgreSQL's jsonb cannot store U+0000; refuse it here rather than fail the whole request.
  if (JSON.stringify(doc).includes('\\u0000')) return '(document): text contains a NUL character';
  return null;
}

// The readout-diff/1 schema (docs/schema/readout-diff-1.schema.json), compiled once with Debian's
// node-ajv (tools/setup installs it; NODE_PATH=/usr/share/nodejs finds it). Used by the wasm
// suite (through support.mjs) and by validate-reports.mjs for the native suite's answers.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const ajvPath = (() => {
  try {
    return require.resolve('ajv');
  } catch {
    throw new Error('No ajv for the report schema: run tools/setup (Debian\'s node-ajv) and set NODE_PATH=/usr/share/nodejs');
  }
})();
const Ajv = require(ajvPath);

export const reportSchema = JSON.parse(readFileSync(join(repo, 'docs/schema/readout-diff-1.schema.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true });
ajv.addSchema(reportSchema);
const validators = Object.fromEntries(['comparison', 'segmentation', 'error'].map(
  (name) => [name, ajv.getSchema(`${reportSchema.$id}#/definitions/${name}`)]));
const validateAny = ajv.getSchema(reportSchema.$id);

// Which definition an answer claims to be: an error object, a comparison or a segmentation.
export function reportKind(answer) {
  return answer !== null && typeof answer === 'object' && 'error' in answer ? 'error'
    : answer !== null && typeof answer === 'object' && 'links' in answer ? 'comparison' : 'segmentation';
}

// What is wrong with `answer` (parsed JSON) as a readout-diff/1 answer: [] when the schema accepts
// it. It is checked against the definition its shape calls for (clearer messages than the
// top-level oneOf), and against the whole schema.
export function schemaProblems(answer) {
  const kind = reportKind(answer);
  const validate = validators[kind];
  if (!validate(answer)) return validate.errors.slice(0, 5).map((e) => `${kind}: ${e.dataPath || '(root)'} ${e.message}`);
  return validateAny(answer) ? [] : [`a valid ${kind} must match exactly one form of the schema`];
}

export function assertSchema(assert, answer, label = 'answer') {
  assert.deepEqual(schemaProblems(answer), [], `${label}: not a valid readout-diff/1 ${reportKind(answer)}`);
  return answer;
}

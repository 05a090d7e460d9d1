// Validates every answer the native GoogleTest suite recorded (tests/native/test_support.hpp
// writes each one to READOUT_DIFF_REPORT_DIR) against the readout-diff/1 schema.
// Run by ctest after the native tests: node tests/wasm/validate-reports.mjs DIR
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { reportKind, schemaProblems } from './report-schema.mjs';

const folder = process.argv[2];
const counts = { comparison: 0, segmentation: 0, error: 0 };
let invalid = 0;
for (const name of readdirSync(folder).filter((file) => file.endsWith('.json')).sort()) {
  const answer = JSON.parse(readFileSync(join(folder, name), 'utf8'));
  counts[reportKind(answer)] += 1;
  const problems = schemaProblems(answer);
  if (problems.length > 0) {
    invalid += 1;
    console.error(`${join(folder, name)} is not valid readout-diff/1:\n  ${problems.join('\n  ')}`);
  }
}
const total = counts.comparison + counts.segmentation + counts.error;
console.log(`${total} answers of the native tests checked against the schema (${counts.comparison} comparisons, ` +
  `${counts.segmentation} segmentations, ${counts.error} errors): ${invalid} invalid`);
process.exit(invalid > 0 ? 1 : 0);

/**
 * Writes docs/report.schema.json, the JSON Schema of `synack report --format json`, from the
 * zod schema in code: `npm run docs:schema`. A test fails when the committed file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { reportJsonSchema } from '../src-main/core/report/report-schema.ts';

export const REPORT_SCHEMA_FILE = fileURLToPath(new URL('../docs/report.schema.json', import.meta.url));

export function reportSchemaText(): string {
  return `${JSON.stringify(reportJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(REPORT_SCHEMA_FILE, reportSchemaText());
  process.stdout.write(`wrote ${REPORT_SCHEMA_FILE}\n`);
}

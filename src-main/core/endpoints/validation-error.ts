/** A validation failure that names the field and the rule, for every boundary. */
import type { z } from 'zod';

export interface FieldIssue {
  /** Dotted path of the field, e.g. `thresholds.downAfter`; empty for the whole value. */
  readonly field: string;
  readonly message: string;
}

export class ValidationError extends Error {
  readonly code = 'VALIDATION';
  readonly issues: readonly FieldIssue[];
  /** The first offending field, for errors that show one. */
  readonly field: string;

  constructor(issues: readonly FieldIssue[], context?: string) {
    const first = issues[0] ?? { field: '', message: 'is invalid' };
    const where = first.field === '' ? 'value' : first.field;
    super(`${context ? `${context}: ` : ''}${where} ${first.message}`);
    this.name = 'ValidationError';
    this.issues = issues;
    this.field = first.field;
  }
}

/** Field issues of a failed parse; `input` tells a missing field from a wrong one. */
export function issuesOf(error: z.ZodError, input?: unknown): FieldIssue[] {
  return error.issues.map((issue) => ({ field: issue.path.map(String).join('.'), message: friendly(issue, valueAt(input, issue.path)) }));
}

/** Parses with a schema; throws a ValidationError naming the field otherwise. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, context?: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(issuesOf(result.error, value), context);
  return result.data;
}

function friendly(issue: z.core.$ZodIssue, value: unknown): string {
  if (issue.code === 'unrecognized_keys') return `has unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_type' && value === undefined) return 'is required';
  return issue.message;
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

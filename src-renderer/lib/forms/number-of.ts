/**
 * A form input's number: a number when the text is one, else the text itself (so the schema
 * rejects it with "must be a number"); undefined when empty (so defaults apply, or "is required").
 */
export function numberOf(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value : trimmed;
}

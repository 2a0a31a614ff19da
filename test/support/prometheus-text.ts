/**
 * A strict reader of the Prometheus text exposition format (0.0.4), enough to validate what
 * `/metrics` serves: every line is a HELP/TYPE comment or a sample `name{labels} value`,
 * every sample belongs to a declared family, label values are properly escaped.
 */

export interface PromSample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface PromFamily {
  readonly type: string;
  readonly help: string;
}

export interface PromExposition {
  readonly families: ReadonlyMap<string, PromFamily>;
  readonly samples: readonly PromSample[];
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
const VALUE = /^(?:[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|[+-]Inf|NaN)$/;
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);

/** Parses the text; throws with the line number on the first violation. */
export function parsePrometheusText(text: string): PromExposition {
  if (!text.endsWith('\n')) throw new Error('exposition must end with a newline');
  const families = new Map<string, { type: string; help: string }>();
  const samples: PromSample[] = [];
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, index) => {
    const where = `line ${index + 1} (${JSON.stringify(line)})`;
    if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) {
      const [, keyword, name, ...rest] = line.split(' ');
      if (name === undefined || !NAME.test(name)) throw new Error(`${where}: bad metric name`);
      const family = families.get(name) ?? { type: 'untyped', help: '' };
      if (keyword === 'TYPE') {
        if (samples.some((sample) => familyOf(sample.name, families) === name)) throw new Error(`${where}: TYPE after samples`);
        if (rest.length !== 1 || !TYPES.has(rest[0] ?? '')) throw new Error(`${where}: bad type`);
        family.type = rest[0] ?? '';
      } else {
        family.help = rest.join(' ');
      }
      families.set(name, family);
      return;
    }
    if (line.startsWith('#') || line.trim() === '') throw new Error(`${where}: unexpected comment or blank line`);
    samples.push(parseSample(line, where));
  });
  for (const sample of samples) {
    if (familyOf(sample.name, families) === undefined) throw new Error(`sample ${sample.name} has no TYPE`);
  }
  return { families, samples };
}

function parseSample(line: string, where: string): PromSample {
  const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(.*)\})? (\S+)$/.exec(line);
  if (!match) throw new Error(`${where}: not a sample`);
  const [, name = '', , body, value = ''] = match;
  if (!VALUE.test(value)) throw new Error(`${where}: bad value`);
  const labels: Record<string, string> = {};
  let rest = body ?? '';
  while (rest.length > 0) {
    const label = /^([^=]+)="((?:[^"\\\n]|\\[\\"n])*)"(,|$)/.exec(rest);
    if (!label) throw new Error(`${where}: bad labels`);
    const [whole, labelName = '', raw = ''] = label;
    if (!LABEL_NAME.test(labelName)) throw new Error(`${where}: bad label name`);
    if (Object.hasOwn(labels, labelName)) throw new Error(`${where}: duplicate label`);
    labels[labelName] = raw.replace(/\\(.)/g, (_, char: string) => (char === 'n' ? '\n' : char));
    rest = rest.slice(whole.length);
  }
  return { name, labels, value: Number(value.replace('Inf', 'Infinity')) };
}

/** The family a sample belongs to (histograms own `_bucket`, `_sum`, `_count`). */
function familyOf(name: string, families: ReadonlyMap<string, PromFamily>): string | undefined {
  if (families.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count)$/, '');
  return families.get(base)?.type === 'histogram' || families.get(base)?.type === 'summary' ? base : undefined;
}

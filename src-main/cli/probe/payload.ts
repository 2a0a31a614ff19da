/** The `--send` payload: text with backslash escapes, or raw bytes as `hex:…`. */
import { UsageError } from '../usage-error.ts';

const SIMPLE_ESCAPES: Readonly<Record<string, number>> = { r: 0x0d, n: 0x0a, t: 0x09, '0': 0x00, '\\': 0x5c };

/**
 * Parses the payload. `\r \n \t \0 \\ \xHH` are escapes; any other backslash sequence is an
 * error rather than a silent guess. `hex:48 45 4c 4c 4f` (spaces and colons ignored) is raw
 * bytes. Plain text is sent as UTF-8.
 */
export function parsePayload(text: string): Uint8Array {
  if (text.startsWith('hex:')) return parseHex(text.slice(4));
  const bytes: number[] = [];
  let plain = '';
  const flush = (): void => {
    bytes.push(...Buffer.from(plain, 'utf8'));
    plain = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch !== '\\') {
      plain += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === undefined) throw new UsageError('a lone "\\" at the end (write \\\\ for a backslash)');
    flush();
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      bytes.push(simple);
      i += 1;
    } else if (next === 'x') {
      const hex = text.slice(i + 2, i + 4);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new UsageError(`"\\x${hex}" needs two hex digits, e.g. \\x0d`);
      bytes.push(Number.parseInt(hex, 16));
      i += 3;
    } else {
      throw new UsageError(`unknown escape "\\${next}" (use \\r \\n \\t \\0 \\\\ \\xHH, or hex:…)`);
    }
  }
  flush();
  return Uint8Array.from(bytes);
}

function parseHex(text: string): Uint8Array {
  const digits = text.replace(/[\s:]/g, '');
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) {
    throw new UsageError(`"hex:${text}" must be pairs of hex digits, e.g. hex:0d0a`);
  }
  return Uint8Array.from(Buffer.from(digits, 'hex'));
}

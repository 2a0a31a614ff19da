/**
 * `synack serve` arguments: node:util parseArgs (strict) for the shape, zod for the values;
 * every mistake becomes a one-line UsageError naming the flag.
 */
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { UsageError } from '../usage-error.ts';

export interface ServeCliConfig {
  /** Database file; `undefined` means the default location. */
  readonly db: string | undefined;
  /** Port on 127.0.0.1; 0 picks a free one. */
  readonly port: number;
  readonly metrics: boolean;
  /** Directory of the built renderer. */
  readonly rendererDir: string;
}

export type ParsedServeArgs = { readonly help: true } | { readonly help: false; readonly config: ServeCliConfig };

/** `out/renderer` of this checkout/package, wherever the command is run from. */
export const DEFAULT_RENDERER_DIR = fileURLToPath(new URL('../../../out/renderer', import.meta.url));

const OPTIONS = {
  db: { type: 'string' },
  port: { type: 'string', short: 'p' },
  metrics: { type: 'boolean' },
  renderer: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const valuesSchema = z.object({
  db: z.string().min(1, 'needs a file path').optional(),
  port: z
    .string()
    .regex(/^\d+$/, 'must be a port number')
    .transform(Number)
    .pipe(z.number().int().max(65535, 'must be between 0 and 65535'))
    .default(0),
  metrics: z.boolean().default(false),
  renderer: z.string().min(1, 'needs a directory').optional(),
  help: z.boolean().default(false),
});

/** Parses `synack serve` arguments; throws UsageError on any mistake. */
export function parseServeArgs(argv: readonly string[]): ParsedServeArgs {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({ args: [...argv], options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const parsed = valuesSchema.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UsageError(`--${String(issue?.path[0] ?? 'argument')} ${issue?.message ?? 'is invalid'}`);
  }
  const { db, port, metrics, renderer, help } = parsed.data;
  if (help) return { help: true };
  return { help: false, config: { db, port, metrics, rendererDir: renderer ?? DEFAULT_RENDERER_DIR } };
}

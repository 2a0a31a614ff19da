/**
 * The serving side of the contract, shared by Electron's main process and the web server:
 * checks the operation name, validates the arguments with the contract's schema, calls the
 * service and turns every outcome into plain data (`ApiResult`). Nothing thrown crosses.
 */
import { z } from 'zod';
import { issuesOf } from '../core/endpoints/validation-error.ts';
import { OPERATIONS, type ApiErrorCode, type ApiResult, type OperationName, type ServiceOperations } from './contract.ts';

export function isOperationName(name: unknown): name is OperationName {
  return typeof name === 'string' && Object.hasOwn(OPERATIONS, name);
}

/** Validates and runs one call. `args` is untrusted (straight off IPC or a WebSocket). */
export async function dispatch(service: ServiceOperations, name: unknown, args: unknown): Promise<ApiResult<unknown>> {
  if (!isOperationName(name)) return fail('VALIDATION', `unknown operation ${JSON.stringify(name)}`, 'operation');
  const parsed = OPERATIONS[name].args.safeParse(args);
  if (!parsed.success) {
    const issue = issuesOf(parsed.error, args)[0] ?? { field: '', message: 'is invalid' };
    const field = argumentField(issue.field);
    return fail('VALIDATION', `${name}: ${field || 'arguments'} ${issue.message}`, field);
  }
  try {
    const call = service[name] as (...a: unknown[]) => unknown;
    const value = await call.apply(service, parsed.data as unknown[]);
    return { ok: true, value };
  } catch (error) {
    return errorResult(error);
  }
}

/** Maps what the service throws (ValidationError, NotFoundError, ConflictError) to an ApiError. */
export function errorResult(error: unknown): ApiResult<never> {
  if (error instanceof z.ZodError) {
    const issue = issuesOf(error)[0];
    return fail('VALIDATION', `${issue?.field ?? ''} ${issue?.message ?? 'is invalid'}`.trim(), issue?.field);
  }
  const { code, message, field } = (error ?? {}) as { code?: unknown; message?: unknown; field?: unknown };
  const known: readonly ApiErrorCode[] = ['VALIDATION', 'NOT_FOUND', 'CONFLICT', 'UNAVAILABLE'];
  const apiCode = known.includes(code as ApiErrorCode) ? (code as ApiErrorCode) : 'INTERNAL';
  const text = apiCode === 'INTERNAL' ? 'internal error' : String(message);
  return fail(apiCode, text, typeof field === 'string' ? field : undefined);
}

function fail(code: ApiErrorCode, message: string, field: string | undefined): ApiResult<never> {
  return field ? { ok: false, code, message, field } : { ok: false, code, message };
}

/** Argument paths are `0.host`: the position means nothing to a user, the field does. */
function argumentField(path: string): string {
  const [, ...rest] = path.split('.');
  return rest.length > 0 ? rest.join('.') : path === '' ? '' : `argument ${Number(path) + 1}`;
}

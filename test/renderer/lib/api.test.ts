import { describe, expect, it } from 'vitest';
import type { SynackApi } from '../../../src-main/ipc/contract.ts';
import { ApiFailure, createApi, describeError, unwrap } from '../../../src-renderer/lib/api.ts';

describe('api unwrapping', () => {
  it('returns the value of a success', () => {
    expect(unwrap({ ok: true, value: 42 })).toBe(42);
  });

  it('throws an ApiFailure carrying code, message and field', () => {
    try {
      unwrap({ ok: false, code: 'VALIDATION', message: 'addEndpoint: port must be between 1 and 65535', field: 'port' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ApiFailure);
      expect(error).toMatchObject({ code: 'VALIDATION', field: 'port', message: 'addEndpoint: port must be between 1 and 65535' });
    }
  });

  it('wraps every operation of a raw SynackApi, passing arguments through', async () => {
    const seen: unknown[][] = [];
    const raw = new Proxy({} as SynackApi, {
      get: (_target, op) =>
        op === 'onUpdate'
          ? () => () => {}
          : async (...args: unknown[]) => {
              seen.push([op, ...args]);
              return op === 'removeEndpoint' ? { ok: false, code: 'NOT_FOUND', message: 'endpoint 9 does not exist' } : { ok: true, value: `${String(op)} done` };
            },
    });
    const api = createApi(raw);
    await expect(api.series(1, 0, 10, 100)).resolves.toBe('series done');
    await expect(api.removeEndpoint(9)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(seen).toEqual([['series', 1, 0, 10, 100], ['removeEndpoint', 9]]);
  });

  it('describes failures for people', () => {
    expect(describeError(new ApiFailure('UNAVAILABLE', 'connection to synack lost before the answer'))).toBe('Synack is unreachable: connection to synack lost before the answer');
    expect(describeError(new ApiFailure('CONFLICT', 'an endpoint named "a" already exists', 'name'))).toBe('an endpoint named "a" already exists');
    expect(describeError(new Error('boom'))).toBe('boom');
  });
});

describe('navigation requests from the desktop shell', () => {
  it('passes them through when the preload offers them, and is inert in web mode', () => {
    const seen: (number | null)[] = [];
    let deliver: ((target: { endpointId: number | null }) => void) | undefined;
    const desktop = { onUpdate: () => () => {}, onNavigate: (listener: (target: { endpointId: number | null }) => void) => ((deliver = listener), () => (deliver = undefined)) } as unknown as SynackApi;
    const stop = createApi(desktop).onNavigate(({ endpointId }) => seen.push(endpointId));
    deliver?.({ endpointId: 7 });
    deliver?.({ endpointId: null });
    stop();
    expect(seen).toEqual([7, null]);
    expect(deliver).toBeUndefined();
    const web = { onUpdate: () => () => {} } as unknown as SynackApi;
    expect(() => createApi(web).onNavigate(() => {})()).not.toThrow();
  });
});

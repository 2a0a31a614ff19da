import { describe, expect, it } from 'vitest';
import { WS_CLOSE } from '../../src-main/ipc/web-protocol.ts';
import { parseFrame } from '../../src-main/web/api-socket.ts';

describe('parseFrame', () => {
  it('accepts a call and leaves op and args to dispatch', () => {
    expect(parseFrame('{"id":3,"op":"listEndpoints","args":[]}')).toEqual({ id: 3, op: 'listEndpoints', args: [] });
    expect(parseFrame('{"id":4,"op":7}')).toEqual({ id: 4, op: 7, args: undefined });
  });

  it.each([
    ['not JSON', '{id:1', WS_CLOSE.invalidPayload],
    ['an array', '[1,"overview",[]]', WS_CLOSE.policyViolation],
    ['null', 'null', WS_CLOSE.policyViolation],
    ['no id', '{"op":"overview","args":[]}', WS_CLOSE.policyViolation],
    ['a string id', '{"id":"1","op":"overview","args":[]}', WS_CLOSE.policyViolation],
    ['a fractional id', '{"id":1.5,"op":"overview","args":[]}', WS_CLOSE.policyViolation],
    ['a zero id', '{"id":0,"op":"overview","args":[]}', WS_CLOSE.policyViolation],
  ])('closes on %s', (_, text, code) => {
    expect(parseFrame(text)).toMatchObject({ close: code });
  });
});

import { describe, expect, it } from 'vitest';
import { parsePayload } from '../../../src-main/cli/probe/payload.ts';
import { UsageError } from '../../../src-main/cli/usage-error.ts';

const bytes = (payload: Uint8Array): number[] => [...payload];

describe('parsePayload', () => {
  it('turns escapes into bytes and text into UTF-8', () => {
    expect(Buffer.from(parsePayload('GET / HTTP/1.0\\r\\n\\r\\n')).toString('latin1')).toBe('GET / HTTP/1.0\r\n\r\n');
    expect(bytes(parsePayload('\\t\\0\\\\\\x7f\\xFF'))).toEqual([0x09, 0x00, 0x5c, 0x7f, 0xff]);
    expect(bytes(parsePayload('é'))).toEqual([0xc3, 0xa9]);
    expect(bytes(parsePayload(''))).toEqual([]);
  });

  it('reads hex: as raw bytes, ignoring spaces and colons', () => {
    expect(bytes(parsePayload('hex:00 ff:10AB'))).toEqual([0x00, 0xff, 0x10, 0xab]);
    expect(bytes(parsePayload('hex:'))).toEqual([]);
  });

  it.each(['\\q', 'end\\', '\\x4', '\\xg0', 'hex:abc', 'hex:zz'])('rejects %j', (text) => {
    expect(() => parsePayload(text)).toThrow(UsageError);
  });
});

import { describe, expect, it } from 'vitest';
import { formatTarget, parseTarget } from '../../../src-main/cli/probe/target.ts';
import { UsageError } from '../../../src-main/cli/usage-error.ts';

describe('parseTarget', () => {
  it.each([
    ['example.com:443', 'example.com', 443, 'example.com:443'],
    ['localhost:1', 'localhost', 1, 'localhost:1'],
    ['EXAMPLE.com.:65535', 'EXAMPLE.com.', 65535, 'EXAMPLE.com.:65535'],
    ['_sip._tcp.example.com:5060', '_sip._tcp.example.com', 5060, '_sip._tcp.example.com:5060'],
    ['192.0.2.1:80', '192.0.2.1', 80, '192.0.2.1:80'],
    ['[::1]:8080', '::1', 8080, '[::1]:8080'],
    ['[2001:db8::1]:443', '2001:db8::1', 443, '[2001:db8::1]:443'],
    ['[fe80::1%eth0]:22', 'fe80::1%eth0', 22, '[fe80::1%eth0]:22'],
    ['host:0080', 'host', 80, 'host:80'],
  ])('%s', (text, host, port, label) => {
    expect(parseTarget(text)).toEqual({ host, port, label });
  });

  it.each(['', 'host', 'host:', ':1', 'host:0', 'host:65536', 'host:-1', 'host:1.5', '::1:80', '[::1]', '[::1]:', '[1.2.3.4]:80', 'a b:1', 'a..b:1', '-a:1', 'ftp://x:21'])(
    'rejects %j with a UsageError that quotes it',
    (text) => {
      expect(() => parseTarget(text)).toThrow(UsageError);
      expect(() => parseTarget(text)).toThrow(`target "${text}"`);
    },
  );

  it('formats IPv6 literals in brackets', () => {
    expect(formatTarget('::1', 80)).toBe('[::1]:80');
    expect(formatTarget('10.0.0.1', 80)).toBe('10.0.0.1:80');
  });
});

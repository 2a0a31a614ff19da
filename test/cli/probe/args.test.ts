import { describe, expect, it } from 'vitest';
import { parseProbeArgs, type ProbeCliConfig } from '../../../src-main/cli/probe/args.ts';
import { UsageError } from '../../../src-main/cli/usage-error.ts';

function config(argv: readonly string[]): ProbeCliConfig {
  const parsed = parseProbeArgs(argv);
  if (parsed.help) throw new Error('unexpected help');
  return parsed.config;
}

describe('parseProbeArgs', () => {
  it('applies the defaults: TCP, 4 attempts, every 1s, 2s timeout', () => {
    expect(config(['example.com:443'])).toEqual({
      targets: [{ host: 'example.com', port: 443, label: 'example.com:443' }],
      kind: 'tcp',
      count: 4,
      intervalMs: 1000,
      timeoutMs: 2000,
      family: 'auto',
      allAddresses: false,
      format: 'human',
      quiet: false,
    });
  });

  it('reads every option, long and short', () => {
    const long = config([
      'a:1', '[::1]:2', '--count', '7', '--interval', '250ms', '--timeout', '1.5s', '--udp', '--send', 'hi\\n',
      '--expect', '/^ok/i', '-6', '--all-addresses', '--json', '--quiet',
    ]);
    expect(long).toEqual({
      targets: [{ host: 'a', port: 1, label: 'a:1' }, { host: '::1', port: 2, label: '[::1]:2' }],
      kind: 'udp',
      count: 7,
      intervalMs: 250,
      timeoutMs: 1500,
      family: 6,
      send: Uint8Array.from(Buffer.from('hi\n')),
      expect: { kind: 'regex', source: '^ok', flags: 'i' },
      allAddresses: true,
      format: 'json',
      quiet: true,
    });
    const short = config(['a:1', '-c', '2', '-i', '0', '-w', '3s', '-u', '-4', '-q']);
    expect(short).toMatchObject({ count: 2, intervalMs: 0, timeoutMs: 3000, kind: 'udp', family: 4, quiet: true });
  });

  it('--forever has no count; a literal --expect is a string', () => {
    expect(config(['a:1', '--forever']).count).toBeUndefined();
    expect(config(['a:1', '-t']).count).toBeUndefined();
    expect(config(['a:1', '--expect', 'SSH-2.0']).expect).toEqual({ kind: 'string', value: 'SSH-2.0' });
  });

  it('returns help for -h and --help, even with other arguments', () => {
    expect(parseProbeArgs(['--help'])).toEqual({ help: true });
    expect(parseProbeArgs(['a:1', '-h'])).toEqual({ help: true });
  });

  it('throws UsageError with a message that names the flag', () => {
    expect(() => parseProbeArgs(['a:1', '--interval', '1x'])).toThrow(new UsageError('--interval: "1x" is not a duration (use 500ms, 1s, 2m)'));
    expect(() => parseProbeArgs(['a:1', '--expect'])).toThrow(new UsageError('--expect: missing value'));
    expect(() => parseProbeArgs(['a:1', '--nope'])).toThrow(new UsageError('unknown option "--nope" (see synack probe --help)'));
  });
});

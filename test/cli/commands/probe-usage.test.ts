/** Bad command lines: each exits 2 with one line that names the argument, never a stack trace. */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.ts';

const BAD_INPUT: ReadonlyArray<readonly [readonly string[], string]> = [
  [[], 'no target given'],
  [['localhost'], 'target "localhost": missing port'],
  [['localhost:'], 'target "localhost:": missing port'],
  [[':80'], 'target ":80": missing host'],
  [['localhost:0'], 'target "localhost:0": port 0 is out of range (1-65535)'],
  [['localhost:65536'], 'target "localhost:65536": port 65536 is out of range (1-65535)'],
  [['localhost:http'], 'target "localhost:http": port "http" is not a number'],
  [['::1:80'], 'target "::1:80": IPv6 addresses go in brackets with the port after them, e.g. [::1]:80'],
  [['2001:db8::1'], 'e.g. [2001:db8::1]:PORT'],
  [['::1'], 'target "::1": IPv6 addresses go in brackets with the port after them, e.g. [::1]:PORT'],
  [['[::1]'], 'target "[::1]": missing port (write HOST:PORT, e.g. [::1]:443)'],
  [['[example.com]:80'], 'target "[example.com]:80": "example.com" is not an IPv6 address'],
  [['bad host:80'], 'target "bad host:80": "bad host" is not a host name or IP address'],
  [['http://example.com:8080/x'], 'target "http://example.com:8080/x": a URL is not a target; write HOST:PORT, e.g. example.com:8080'],
  [['https://[::1]/'], 'a URL is not a target; write HOST:PORT, e.g. [::1]:443'],
  [['bad/host:80'], '"bad/host" is not a host name or IP address'],
  [['h:1', 'h:99999'], 'target "h:99999": port 99999 is out of range'],
  [['h:1', '--interval', '1x'], '--interval: "1x" is not a duration (use 500ms, 1s, 2m)'],
  [['h:1', '--interval=-1s'], '--interval: "-1s" is not a duration'],
  [['h:1', '-i', '2d'], '--interval: "2d" is not a duration'],
  [['h:1', '--interval', '25h'], '--interval: "25h" is too long (at most 24h)'],
  [['h:1', '--timeout', '0'], '--timeout: "0" is too short (at least 1ms)'],
  [['h:1', '--timeout', '5'], '--timeout: "5" is not a duration'],
  [['h:1', '--count', '0'], '--count: "0" is not a whole number of attempts (1 or more)'],
  [['h:1', '-c', '1.5'], '--count: "1.5" is not a whole number'],
  [['h:1', '--count', 'many'], '--count: "many" is not a whole number'],
  [['h:1', '--count', '-1'], '--count: missing value (for a value that starts with "-", write --count=VALUE)'],
  [['h:1', '--count', '3', '--forever'], '--count: cannot be combined with --forever'],
  [['h:1', '--expect'], '--expect: missing value'],
  [['h:1', '--expect', ''], '--expect: must not be empty'],
  [['h:1', '--expect', '/(/'], '--expect: /(/ is not a valid regular expression'],
  [['h:1', '--send'], '--send: missing value'],
  [['h:1', '--send', 'a\\qb'], '--send: unknown escape "\\q"'],
  [['h:1', '--send', 'a\\x4'], '--send: "\\x4" needs two hex digits'],
  [['h:1', '--send', 'hex:abc'], '--send: "hex:abc" must be pairs of hex digits'],
  [['h:1', '--bogus'], 'unknown option "--bogus"'],
  [['h:1', '-x'], 'unknown option "-x"'],
  [['h:1', '--json=yes'], '--json: takes no value'],
  [['h:1', '-4', '-6'], '-4: cannot be combined with -6'],
  [['[::1]:80', '-4'], 'target "[::1]:80" is an IPv6 address, but -4 was given'],
  [['127.0.0.1:80', '-6'], 'target "127.0.0.1:80" is an IPv4 address, but -6 was given'],
];

describe.concurrent('synack probe: usage errors', () => {
  it.for(BAD_INPUT)('%j → exit 2: %s', async ([args, message], { expect }) => {
    const result = await runCli(['probe', ...args]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n').filter((line) => !line.startsWith('npm warn'));
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(2); // one message, then the final newline
    expect(lines[0]).toMatch(/^synack probe: /);
    expect(lines[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('prints help on --help and exits 0', async () => {
    const result = await runCli(['probe', '--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: synack probe HOST:PORT/);
    expect(result.stdout).toContain('--all-addresses');
    expect(result.stderr).toBe('');
  });

  it('lists probe in the top-level help', async () => {
    const result = await runCli(['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^ {2}probe\b/m);
  });
});

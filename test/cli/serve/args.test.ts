import { describe, expect, it } from 'vitest';
import { DEFAULT_RENDERER_DIR, parseServeArgs } from '../../../src-main/cli/serve/args.ts';
import { UsageError } from '../../../src-main/cli/usage-error.ts';

describe('parseServeArgs', () => {
  it('defaults to any port, the default database, no metrics and out/renderer', () => {
    expect(parseServeArgs([])).toEqual({ help: false, config: { db: undefined, port: 0, metrics: false, rendererDir: DEFAULT_RENDERER_DIR } });
    expect(DEFAULT_RENDERER_DIR).toMatch(/[/\\]out[/\\]renderer$/);
  });

  it('reads every flag', () => {
    expect(parseServeArgs(['--db', '/tmp/x.db', '--port', '8080', '--metrics', '--renderer', 'dist'])).toEqual({
      help: false,
      config: { db: '/tmp/x.db', port: 8080, metrics: true, rendererDir: 'dist' },
    });
    expect(parseServeArgs(['-p', '0', '-h'])).toEqual({ help: true });
  });

  it.each([
    [['--port', 'http'], /--port must be a port number/],
    [['--port', '70000'], /--port must be between 0 and 65535/],
    [['--port', '-1'], /port/],
    [['--db', ''], /--db needs a file path/],
    [['--bogus'], /bogus/],
    [['extra'], /extra/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(UsageError);
    expect(() => parseServeArgs(argv)).toThrow(message);
  });
});

/** `runProbeCommand` in process: captured output, interrupts, and listener cleanup. */
import { afterEach, describe, expect, it } from 'vitest';
import { runProbeCommand } from '../../../src-main/cli/commands/probe.ts';
import { processIo, type CliIo } from '../../../src-main/cli/io.ts';
import { createServers } from '../support/servers.ts';

const servers = createServers();
afterEach(() => servers.closeAll());

function captureIo(interruptWhen: (text: string) => boolean = () => false) {
  const out: string[] = [];
  const err: string[] = [];
  let listening = 0;
  let interrupt = (): void => {};
  const io: CliIo = {
    out: (text) => {
      out.push(text);
      if (interruptWhen(text)) interrupt();
    },
    err: (text) => err.push(text),
    listenForInterrupt(onInterrupt) {
      listening++;
      interrupt = onInterrupt;
      return () => {
        listening--;
        interrupt = () => {};
      };
    },
  };
  return { io, out, err, listening: () => listening };
}

describe('runProbeCommand', () => {
  it('writes a usage error to err only and returns 2', async () => {
    const cap = captureIo();
    expect(await runProbeCommand(['nope'], cap.io)).toBe(2);
    expect(cap.out).toEqual([]);
    expect(cap.err).toEqual(['synack probe: target "nope": missing port (write HOST:PORT, e.g. nope:443)\n']);
    expect(cap.listening()).toBe(0);
  });

  it('stops on interrupt, writes the summary, and removes its listener', async () => {
    const port = await servers.tcp();
    const cap = captureIo((text) => text.startsWith('{"type":"attempt"'));
    const code = await runProbeCommand([`127.0.0.1:${port}`, '--forever', '--interval', '1h', '--json'], cap.io);
    expect(code).toBe(0);
    const objects = cap.out.join('').trim().split('\n').map((line) => JSON.parse(line) as { type: string; interrupted?: boolean });
    expect(objects.map((o) => o.type)).toEqual(['attempt', 'summary']);
    expect(objects[1]?.interrupted).toBe(true);
    expect(cap.listening()).toBe(0);
  });

  it('leaves no SIGINT/SIGTERM listener on the real process', async () => {
    const port = await servers.tcp();
    const before = [process.listenerCount('SIGINT'), process.listenerCount('SIGTERM'), process.stdout.listenerCount('error')];
    const io = processIo();
    // Only the listeners are real here; output is kept out of the test report.
    const quietIo: CliIo = { out: () => {}, err: () => {}, listenForInterrupt: io.listenForInterrupt };
    expect(await runProbeCommand([`127.0.0.1:${port}`, '-c', '2', '-i', '0'], quietIo)).toBe(0);
    expect([process.listenerCount('SIGINT'), process.listenerCount('SIGTERM'), process.stdout.listenerCount('error')]).toEqual(before);
  });
});

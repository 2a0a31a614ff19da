import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { endpointInputSchema } from '../../../src-main/core/endpoints/endpoint-schema.ts';
import { MonitorService } from '../../../src-main/core/monitor/monitor-service.ts';
import { openHistoryStore } from '../../../src-main/core/store/open-history-store.ts';
import type { SampleDto } from '../../../src-main/ipc/dto.ts';
import { udpServer, type UdpFixture } from '../../support/loopback.ts';
import { makeTempDir } from '../../support/temp-dir.ts';

let dir: ReturnType<typeof makeTempDir> | undefined;
let silent: UdpFixture | undefined;
afterEach(async () => {
  await silent?.close();
  dir?.remove();
  silent = undefined;
  dir = undefined;
});

/** Resolves 'timed out' if `promise` has not settled within `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | 'timed out'> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timed out'>((resolve) => (timer = setTimeout(() => resolve('timed out'), ms)));
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

describe('MonitorService.stop with a probe-now in flight', () => {
  it('aborts the probe instead of waiting for its 20 s timeout, whether or not the scheduler joined it', async () => {
    dir = makeTempDir();
    silent = await udpServer(() => undefined);
    const { store } = openHistoryStore(join(dir.path, 'synack.db'));
    const service = new MonitorService({ store });
    service.start();
    const endpoint = service.addEndpoint(endpointInputSchema.parse({ name: 'silent', host: '127.0.0.1', port: silent.port, kind: 'udp', intervalMs: 60_000, timeoutMs: 20_000 }));
    // Probe-now starts the probe; the scheduler's immediate first run joins it.
    const probing: Promise<SampleDto> = service.probeNow(endpoint.id);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await within(service.stop(), 5000)).toBeUndefined();
    expect(await probing).toMatchObject({ ok: false, code: 'ABORTED' });
  });
});

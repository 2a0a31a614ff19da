import { afterEach, describe, expect, it } from 'vitest';
import { parsePrometheusText } from '../support/prometheus-text.ts';
import { tcpServer, type TcpFixture } from '../support/loopback.ts';
import { endpointConfig, eventually, startFixture, type FixtureOptions, type WebFixture } from './web-fixture.ts';

let fixture: WebFixture | undefined;
let listener: TcpFixture | undefined;

afterEach(async () => {
  await fixture?.close();
  await listener?.close();
  fixture = undefined;
  listener = undefined;
});

async function start(options: FixtureOptions = {}): Promise<WebFixture> {
  fixture = await startFixture(options);
  return fixture;
}

function expectSecurityHeaders(headers: Record<string, unknown>, port: number): void {
  expect(headers['content-security-policy']).toBe(
    `default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; ` +
      `connect-src 'self' ws://127.0.0.1:${port} ws://localhost:${port}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
  );
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
  expect(headers['cross-origin-opener-policy']).toBe('same-origin');
}

describe('web server: sign-in', () => {
  it('prints a loopback URL with a 43-character base64url token', async () => {
    const { server } = await start();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/?token=${server.token}`);
    expect(server.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('refuses every path without the token or cookie, with the security headers', async () => {
    const web = await start({ metrics: true });
    for (const path of ['/', '/index.html', '/assets/app.js', '/metrics', '/api']) {
      const answer = await web.http(path);
      expect(answer.status, path).toBe(401);
      expect(answer.body).not.toContain('<title>');
      expectSecurityHeaders(answer.headers, web.port);
    }
  });

  it('refuses a wrong token and sets no cookie', async () => {
    const web = await start();
    const answer = await web.http(`/?token=${'A'.repeat(43)}`);
    expect(answer.status).toBe(403);
    expect(answer.headers['set-cookie']).toBeUndefined();
    expect((await web.http('/?token=')).status).toBe(403);
  });

  it('trades the token for an HttpOnly SameSite=Strict cookie and a redirect to /', async () => {
    const web = await start();
    const answer = await web.http(`/?token=${web.server.token}`);
    expect(answer.status).toBe(303);
    expect(answer.headers.location).toBe('/');
    const cookie = answer.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(new RegExp(`^synack_session_${web.port}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(cookie).not.toContain(web.server.token);

    const page = await web.http('/', { Cookie: cookie.split(';')[0] });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.body).toContain('<title>Synack</title>');
    expectSecurityHeaders(page.headers, web.port);
  });

  it('refuses a forged cookie and a cookie of another port', async () => {
    const web = await start();
    const cookie = await web.signIn();
    const value = cookie.split('=')[1] ?? '';
    expect((await web.http('/', { Cookie: `synack_session_${web.port}=${'x'.repeat(43)}` })).status).toBe(401);
    expect((await web.http('/', { Cookie: `synack_session_${web.port + 1}=${value}` })).status).toBe(401);
    expect((await web.http('/', { Cookie: `other=1; ${cookie}` })).status).toBe(200);
  });
});

describe('web server: DNS rebinding and cross-origin defences', () => {
  it('refuses a foreign Host even with a valid cookie or token', async () => {
    const web = await start();
    const cookie = await web.signIn();
    for (const host of [`evil.example:${web.port}`, `127.0.0.1:${web.port + 1}`, '127.0.0.1', `[::1]:${web.port}`]) {
      expect((await web.http('/', { Host: host, Cookie: cookie })).status, host).toBe(421);
      expect((await web.http(`/?token=${web.server.token}`, { Host: host })).status, host).toBe(421);
    }
    expect((await web.http('/', { Host: `localhost:${web.port}`, Cookie: cookie })).status).toBe(200);
    expect((await web.http('/', { Host: `LOCALHOST:${web.port}`, Cookie: cookie })).status).toBe(200);
  });

  it('refuses state-changing methods from a foreign or absent Origin, and every method but GET/HEAD', async () => {
    const web = await start();
    const cookie = await web.signIn();
    expect((await web.http('/', { Cookie: cookie, Origin: `http://evil.example:${web.port}` }, 'POST')).status).toBe(403);
    expect((await web.http('/', { Cookie: cookie }, 'POST')).status).toBe(403);
    expect((await web.http('/', { Cookie: cookie, Origin: 'null' }, 'DELETE')).status).toBe(403);
    const sameOrigin = await web.http('/', { Cookie: cookie, Origin: web.origin }, 'POST');
    expect(sameOrigin.status).toBe(405);
    expect(sameOrigin.headers.allow).toBe('GET, HEAD');
    expect((await web.http('/', { Cookie: cookie, Origin: 'http://evil.example' })).status).toBe(403);
    const head = await web.http('/', { Cookie: cookie }, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('web server: static files', () => {
  it('serves assets with their content types', async () => {
    const web = await start();
    const cookie = await web.signIn();
    const js = await web.http('/assets/app.js', { Cookie: cookie });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('export {};\n');
    expectSecurityHeaders(js.headers, web.port);
    expect((await web.http('/assets/app.css', { Cookie: cookie })).headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await web.http('/nothing.js', { Cookie: cookie })).status).toBe(404);
  });

  it.each(['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/assets/%2E%2E/%2E%2E/secret.txt'])(
    'never serves %s from outside the renderer',
    async (path) => {
      const web = await start();
      const answer = await web.http(path, { Cookie: await web.signIn() });
      expect(answer.status).toBe(404);
      expect(answer.body).not.toContain('outside the renderer');
    },
  );
});

describe('web server: /metrics', () => {
  it('is not served without --metrics', async () => {
    const web = await start();
    expect((await web.http('/metrics', { Cookie: await web.signIn() })).status).toBe(404);
  });

  it('needs the token as a bearer (or the cookie) and serves valid exposition text', async () => {
    listener = await tcpServer();
    const web = await start({ metrics: true });
    expect((await web.http('/metrics', { Authorization: 'Bearer wrong' })).status).toBe(401);
    web.service.addEndpoint(endpointConfig({ name: 'loop "back"', host: '127.0.0.1', port: listener.port, intervalMs: 250, timeoutMs: 200 }));
    const auth = { Authorization: `Bearer ${web.server.token}` };
    const exposition = await eventually(async () => {
      const answer = await web.http('/metrics', auth);
      const parsed = parsePrometheusText(answer.body);
      const up = parsed.samples.find((sample) => sample.name === 'synack_up');
      return up ? { answer, parsed, up } : undefined;
    });
    const { answer, parsed, up } = exposition;
    expect(answer.status).toBe(200);
    expect(answer.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(up).toEqual({ name: 'synack_up', labels: { endpoint: 'loop "back"' }, value: 1 });
    const count = parsed.samples.find((sample) => sample.name === 'synack_latency_seconds_count');
    expect(count?.value).toBeGreaterThanOrEqual(1);
    expect((await web.http('/metrics', { Cookie: await web.signIn() })).status).toBe(200);
  });
});

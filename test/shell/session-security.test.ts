import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, CSP_DIRECTIVES, DESKTOP_CONTENT_SECURITY_POLICY } from '../../src-main/security/content-security-policy.ts';
import { APP_ENTRY_URL, APP_SCHEME_PRIVILEGES, createAppProtocolHandler, isAppUrl } from '../../src-main/shell/app-protocol.ts';
import { hardenSession } from '../../src-main/shell/session-security.ts';
import { contentSecurityPolicy } from '../../src-main/web/security-headers.ts';
import { makeTempDir } from '../support/temp-dir.ts';
import { fakeElectron } from './fake-electron.ts';

function directives(policy: string): Map<string, string> {
  return new Map(policy.split('; ').map((part) => {
    const [name = '', ...sources] = part.split(' ');
    return [name, sources.join(' ')];
  }));
}

describe('the desktop CSP', () => {
  it('is the web mode policy, but connects nowhere (IPC needs no network)', () => {
    const desktop = directives(DESKTOP_CONTENT_SECURITY_POLICY);
    const web = directives(contentSecurityPolicy(8080));
    expect([...desktop.keys()]).toEqual([...web.keys()]);
    for (const [name, sources] of desktop) {
      if (name === 'connect-src') continue;
      expect(sources, name).toBe(web.get(name));
    }
    expect(desktop.get('connect-src')).toBe("'none'");
    expect(web.get('connect-src')).toBe("'self' ws://127.0.0.1:8080 ws://localhost:8080");
  });

  it('allows no inline script or style, no eval, no frames, no objects', () => {
    expect(DESKTOP_CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(directives(DESKTOP_CONTENT_SECURITY_POLICY).get('default-src')).toBe("'none'");
    expect(Object.keys(CSP_DIRECTIVES)).toContain('frame-ancestors');
    expect(buildContentSecurityPolicy([])).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
  });
});

describe('hardenSession', () => {
  const electron = fakeElectron('/nowhere');
  hardenSession(electron.port.session);

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const answers: boolean[] = [];
      electron.session.permissionRequest?.({}, permission, (granted) => answers.push(granted));
      expect(answers, permission).toEqual([false]);
      expect(electron.session.permissionCheck?.({}, permission), permission).toBe(false);
    }
  });

  it('puts the CSP on app pages, replacing any policy they carried', () => {
    const answers: Record<string, string[]>[] = [];
    electron.session.headersReceived?.(
      { url: APP_ENTRY_URL, responseHeaders: { 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] } },
      ({ responseHeaders }) => answers.push(responseHeaders),
    );
    expect(answers).toEqual([{ 'Content-Security-Policy': [DESKTOP_CONTENT_SECURITY_POLICY], 'Content-Type': ['text/html'] }]);
  });

  it('leaves other URLs (DevTools) alone', () => {
    const answers: Record<string, string[]>[] = [];
    electron.session.headersReceived?.({ url: 'devtools://devtools/bundled/index.html', responseHeaders: { A: ['b'] } }, ({ responseHeaders }) => answers.push(responseHeaders));
    expect(answers).toEqual([{ A: ['b'] }]);
  });
});

describe('the app:// protocol', () => {
  const dir = makeTempDir('synack-app-protocol-');
  const renderer = join(dir.path, 'renderer');
  let handle: (request: Request) => Promise<Response>;

  beforeAll(() => {
    mkdirSync(join(renderer, 'assets'), { recursive: true });
    writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Synack</title>');
    writeFileSync(join(renderer, 'assets/app.js'), 'export {};');
    writeFileSync(join(dir.path, 'secret.txt'), 'outside');
    handle = createAppProtocolHandler(renderer);
  });
  afterAll(() => dir.remove());

  it('is registered as a standard, secure scheme without CSP bypass or fetch', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, bypassCSP: false, allowServiceWorkers: false, stream: false },
    });
  });

  it('serves the renderer with the CSP header', async () => {
    const response = await handle(new Request(APP_ENTRY_URL));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(DESKTOP_CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Synack</title>');
    const script = await handle(new Request('app://synack/assets/app.js'));
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('never leaves the renderer directory', async () => {
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt']) {
      const response = await handle(new Request(`app://synack${path}`));
      expect([400, 404], path).toContain(response.status);
      expect(await response.text(), path).not.toContain('outside');
    }
  });

  it('answers only its own host and only GET/HEAD', async () => {
    expect((await handle(new Request('app://evil/index.html'))).status).toBe(404);
    expect((await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
    const head = await handle(new Request(APP_ENTRY_URL, { method: 'HEAD' }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it.each([
    ['app://synack/index.html', true],
    ['app://synack/', true],
    ['app://evil/index.html', false],
    ['file:///index.html', false],
    ['https://synack/index.html', false],
    ['garbage', false],
  ])('isAppUrl(%s) → %s', (url, expected) => {
    expect(isAppUrl(url)).toBe(expected);
  });
});

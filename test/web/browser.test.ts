/**
 * Web mode in real Chromium: the token URL signs in and leaves the address bar, the cookie is
 * invisible to scripts, the CSP blocks inline script and style attributes yet lets the bridge
 * reach /api, and the bridge (type-stripped, as a browser module) calls and receives pushes.
 */
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { stripTypeScriptTypes } from 'node:module';
import { chromium, type Browser } from 'playwright-core';
import type { SynackApi } from '../../src-main/ipc/contract.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tcpServer, type TcpFixture } from '../support/loopback.ts';
import { startFixture, type WebFixture } from './web-fixture.ts';

const CHROMIUM = '/usr/bin/chromium';
const bridgeSource = readFileSync(new URL('../../src-renderer/lib/web-bridge.ts', import.meta.url), 'utf8');

const RENDERER = {
  'index.html': [
    '<!doctype html><html><head><title>Synack</title>',
    '<script type="module" src="/assets/app.js"></script></head><body>',
    '<script>document.body.dataset.inline = "ran";</script>',
    '<p id="styled" style="color: rgb(255, 0, 0)">styled</p>',
    '<style>#by-element { color: rgb(255, 0, 0) }</style><p id="by-element">styled</p>',
    '</body></html>',
  ].join('\n'),
  'assets/web-bridge.js': stripTypeScriptTypes(bridgeSource),
  'assets/app.js': [
    "import { createWebBridge, webApiUrl } from './web-bridge.js';",
    'globalThis.synack ??= createWebBridge(webApiUrl());',
    'globalThis.samples = [];',
    // How Svelte 5 renders: templates parsed from HTML in an inert <template>, then cloned;
    // dynamic styles through the CSSOM. Neither is blocked; a style attribute parsed straight
    // into the live document is.
    "const template = document.createElement('template');",
    'template.innerHTML = \'<p id="from-template" style="color: rgb(255, 0, 0)">t</p><p id="cssom">c</p>\';',
    'document.body.append(template.content.cloneNode(true));',
    "document.getElementById('cssom').style.cssText = 'color: rgb(0, 128, 0)';",
    "const live = document.createElement('div');",
    'document.body.append(live);',
    'live.innerHTML = \'<p id="live" style="color: rgb(255, 0, 0)">l</p>\';',
    'globalThis.synack.onUpdate((batch) => globalThis.samples.push(...batch.samples));',
  ].join('\n'),
};

let browser: Browser;
let fixture: WebFixture | undefined;
let listener: TcpFixture | undefined;

beforeAll(async () => {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await fixture?.close();
  await listener?.close();
  fixture = undefined;
  listener = undefined;
});

describe('web mode in Chromium', () => {
  it('signs in, enforces the CSP, and runs the contract over the bridge', async () => {
    listener = await tcpServer();
    const web = (fixture = await startFixture({ renderer: RENDERER }));
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const console: string[] = [];
      page.on('console', (message) => console.push(message.text()));
      await page.goto(web.server.url);
      expect(page.url()).toBe(`http://127.0.0.1:${web.port}/`);
      expect(await page.evaluate(() => document.cookie)).toBe('');
      expect((await context.cookies()).map((cookie) => [cookie.name, cookie.httpOnly, cookie.sameSite])).toEqual([[`synack_session_${web.port}`, true, 'Strict']]);

      expect(await page.evaluate(() => document.body.dataset['inline'])).toBeUndefined();
      expect(await page.evaluate(() => getComputedStyle(document.getElementById('styled') as HTMLElement).color)).not.toBe('rgb(255, 0, 0)');
      expect(console.some((text) => text.includes('Content Security Policy') && text.includes('inline script'))).toBe(true);

      await page.waitForFunction(() => 'synack' in globalThis);
      const color = (id: string) => page.evaluate((element) => getComputedStyle(document.getElementById(element) as HTMLElement).color, id);
      expect(await color('from-template')).toBe('rgb(255, 0, 0)');
      expect(await color('cssom')).toBe('rgb(0, 128, 0)');
      expect(await color('live')).not.toBe('rgb(255, 0, 0)');
      expect(await color('by-element')).not.toBe('rgb(255, 0, 0)');
      const invalid = await page.evaluate(() => window.synack.addEndpoint({ name: 'bad', host: '127.0.0.1', port: 0 }));
      expect(invalid).toMatchObject({ ok: false, code: 'VALIDATION', field: 'port' });

      const added = await page.evaluate((port) => window.synack.addEndpoint({ name: 'loop', host: '127.0.0.1', port, intervalMs: 60_000 }), listener.port);
      expect(added).toMatchObject({ ok: true, value: { name: 'loop' } });
      const listed = await page.evaluate(() => window.synack.listEndpoints());
      expect(listed.ok && listed.value.map((endpoint) => endpoint.name)).toEqual(['loop']);

      await page.waitForFunction(() => (globalThis as unknown as { samples: unknown[] }).samples.length > 0, undefined, { timeout: 5000 });
      const sample = await page.evaluate(() => (globalThis as unknown as { samples: { ok: boolean; kind: string }[] }).samples[0]);
      expect(sample).toMatchObject({ ok: true, kind: 'tcp' });
      expect(console.filter((text) => text.includes('connect-src'))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('refuses the WebSocket to a page on another loopback port, although the browser sends it the cookie', async () => {
    const upgrades: (string | undefined)[] = [];
    const web = (fixture = await startFixture({
      renderer: RENDERER,
      onRefused: ({ request, upgrade, status }) => upgrade && status === 403 && upgrades.push(request.headers.cookie),
    }));
    // The attacker: any other local web server. Cookies do not isolate ports, and
    // 127.0.0.1:OTHER is same-site with 127.0.0.1:PORT, so only the Origin check stands.
    const attacker = createServer((_request, response) => {
      response.writeHead(200, { 'Content-Type': 'text/html' });
      response.end('<!doctype html><title>evil</title>');
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const attackerPort = (attacker.address() as AddressInfo).port;
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(web.server.url);
      const evil = await context.newPage();
      await evil.goto(`http://127.0.0.1:${attackerPort}/`);
      const outcome = await evil.evaluate(
        (port) =>
          new Promise<string>((resolve) => {
            const socket = new WebSocket(`ws://127.0.0.1:${port}/api`);
            socket.onopen = () => resolve('open');
            socket.onerror = () => resolve('refused');
          }),
        web.port,
      );
      expect(outcome).toBe('refused');
      expect(upgrades).toHaveLength(1);
      expect(upgrades[0]).toContain(`synack_session_${web.port}=`);
      const read = await evil.evaluate((port) => fetch(`http://127.0.0.1:${port}/`, { credentials: 'include' }).then(() => 'read', () => 'blocked'), web.port);
      expect(read).toBe('blocked');
    } finally {
      await context.close();
      await new Promise((resolve) => attacker.close(resolve));
    }
  });
});

declare global {
  interface Window {
    synack: SynackApi;
  }
}

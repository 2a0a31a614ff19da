import { describe, expect, it } from 'vitest';
import { isSafeExternalUrl, lockNavigation, MIN_WINDOW_SIZE, secureWindowOptions } from '../../src-main/shell/window-security.ts';
import { FakeWebContents } from './fake-electron.ts';

describe('secureWindowOptions', () => {
  const options = secureWindowOptions({ preload: '/app/out/preload/preload.cjs', bounds: { x: 10, y: 20, width: 1000, height: 700 }, devTools: false });

  it('sets every security flag explicitly', () => {
    expect(options.webPreferences).toEqual({
      preload: '/app/out/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      devTools: false,
    });
  });

  it('starts hidden at the remembered place, with a minimum size', () => {
    expect(options).toMatchObject({ x: 10, y: 20, width: 1000, height: 700, show: false, minWidth: MIN_WINDOW_SIZE.width, minHeight: MIN_WINDOW_SIZE.height });
  });

  it('leaves the position to the OS when none is known, and the icon out when none is given', () => {
    const centred = secureWindowOptions({ preload: 'p', bounds: { width: 800, height: 600 }, devTools: true });
    expect(centred).not.toHaveProperty('x');
    expect(centred).not.toHaveProperty('y');
    expect(centred).not.toHaveProperty('icon');
    expect(centred.webPreferences.devTools).toBe(true);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://example.com/docs', true],
    ['https://example.com:8443/x?y#z', true],
    ['http://example.com/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['app://synack/index.html', false],
    ['smb://server/share', false],
    ['https://user:secret@example.com/', false],
    ['not a url', false],
    ['', false],
  ])('%s → %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe);
  });
});

describe('lockNavigation', () => {
  function locked(): { contents: FakeWebContents; opened: string[] } {
    const contents = new FakeWebContents();
    const opened: string[] = [];
    lockNavigation(contents, (url) => {
      opened.push(url);
      return Promise.resolve();
    });
    return { contents, opened };
  }

  it('cancels every navigation, and opens only https links in the browser', () => {
    const { contents, opened } = locked();
    for (const url of ['https://example.com/', 'http://example.com/', 'file:///etc/passwd', 'app://synack/other.html', 'javascript:void(0)']) {
      expect(contents.emitCancellable('will-navigate', url), url).toBe(true);
    }
    expect(opened).toEqual(['https://example.com/']);
  });

  it('denies every new window, opening only https URLs outside', () => {
    const { contents, opened } = locked();
    expect(contents.openHandler).toBeDefined();
    for (const url of ['https://example.com/a', 'http://example.com/', 'file:///tmp/x', 'about:blank']) {
      expect(contents.openHandler?.({ url }), url).toEqual({ action: 'deny' });
    }
    expect(opened).toEqual(['https://example.com/a']);
  });

  it('refuses to attach webviews', () => {
    const { contents } = locked();
    expect(contents.emitCancellable('will-attach-webview')).toBe(true);
  });

  it('survives a failing openExternal', async () => {
    const contents = new FakeWebContents();
    lockNavigation(contents, () => Promise.reject(new Error('no browser')));
    expect(contents.emitCancellable('will-navigate', 'https://example.com/')).toBe(true);
    await new Promise((resolve) => setImmediate(resolve));
  });
});

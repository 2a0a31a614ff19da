import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StaticFiles, contentTypeOf } from '../../src-main/web/static-files.ts';

let base: string;
let root: string;
let files: StaticFiles;

beforeAll(async () => {
  base = await mkdtemp(join(tmpdir(), 'synack-static-'));
  root = join(base, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<!doctype html><title>t</title>');
  await writeFile(join(root, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'assets', 'my file.css'), 'body{}');
  await writeFile(join(root, '.env'), 'SECRET=1');
  await writeFile(join(base, 'secret.txt'), 'outside');
  await symlink(join(base, 'secret.txt'), join(root, 'escape.txt'));
  files = new StaticFiles(root);
});

afterAll(async () => {
  await rm(base, { recursive: true, force: true });
});

describe('StaticFiles', () => {
  it('serves index.html for / with an HTML content type', async () => {
    const file = await files.lookup('/');
    expect(file).toMatchObject({ contentType: 'text/html; charset=utf-8', isHtml: true });
    expect(typeof file === 'object' && file.body.toString()).toContain('<title>t</title>');
  });

  it('serves assets with their content type, percent-decoded', async () => {
    expect(await files.lookup('/assets/app.js')).toMatchObject({ contentType: 'text/javascript; charset=utf-8', isHtml: false });
    expect(await files.lookup('/assets/my%20file.css')).toMatchObject({ contentType: 'text/css; charset=utf-8' });
  });

  it.each([
    '/../secret.txt',
    '/assets/../../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    '//etc/passwd',
    '/escape.txt',
    '/.env',
    '/assets',
    '/missing.js',
  ])('never serves %s', async (path) => {
    expect(await files.lookup(path)).toBe('not-found');
  });

  it.each(['/%E0%A4%A', '/a%00b', '/..%5c..%5csecret.txt'])('rejects the malformed path %s', async (path) => {
    expect(await files.lookup(path)).toBe('bad-request');
  });

  it('maps unknown extensions to octet-stream', () => {
    expect(contentTypeOf('x.bin')).toBe('application/octet-stream');
    expect(contentTypeOf('font.WOFF2')).toBe('font/woff2');
  });
});

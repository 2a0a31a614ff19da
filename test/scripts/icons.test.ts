import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ICNS_TYPES } from '../../scripts/icons/containers.ts';
import { pngSize } from '../../scripts/icons/png.ts';
import { generateIcons, ICO_SIZES, LINUX_ICON_SIZES } from '../../scripts/generate-icons.ts';
import { TRAY_LEVELS } from '../../src-main/shell/tray-model.ts';
import { makeTempDir } from '../support/temp-dir.ts';

const BUILD = fileURLToPath(new URL('../../build', import.meta.url));

/** Decodes an 8-bit RGBA PNG written with filter 0 (what the encoder writes). */
function decode(png: Buffer): { width: number; height: number; alpha: (x: number, y: number) => number } {
  const { width, height } = pngSize(png);
  const chunks: Buffer[] = [];
  for (let offset = 8; offset < png.length; ) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') expect([data[8], data[9]]).toEqual([8, 6]);
    if (type === 'IDAT') chunks.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(chunks));
  expect(raw.length).toBe((width * 4 + 1) * height);
  return { width, height, alpha: (x, y) => raw[y * (width * 4 + 1) + 1 + x * 4 + 3] ?? -1 };
}

describe('generated icons', () => {
  const dir = makeTempDir('synack-icons-');
  let written: string[];
  beforeAll(() => {
    written = generateIcons(dir.path);
  });
  afterAll(() => dir.remove());

  it('are exactly the committed files in build/ (rerun scripts/generate-icons.ts after a change)', () => {
    expect(written.length).toBe(LINUX_ICON_SIZES.length + 3 + TRAY_LEVELS.length * 2);
    for (const path of written) {
      const name = relative(dir.path, path);
      expect(readFileSync(path).equals(readFileSync(join(BUILD, name))), name).toBe(true);
    }
  });

  it('are valid PNGs of the named size: opaque in the middle, transparent in the corners', () => {
    for (const size of LINUX_ICON_SIZES) {
      const png = decode(readFileSync(join(BUILD, 'icons', `${size}x${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.alpha(Math.floor(size / 2), Math.floor(size / 2))).toBe(255);
      expect(png.alpha(0, 0)).toBe(0);
    }
    expect(pngSize(readFileSync(join(BUILD, 'icon.png')))).toEqual({ width: 1024, height: 1024 });
    for (const level of TRAY_LEVELS) {
      expect(decode(readFileSync(join(BUILD, 'tray', `tray-${level}.png`))).width).toBe(16);
      const retina = decode(readFileSync(join(BUILD, 'tray', `tray-${level}@2x.png`)));
      expect(retina.width).toBe(32);
      expect(retina.alpha(0, 0)).toBe(0);
      expect(retina.alpha(3, 16)).toBe(255); // the disc, left of the glyph
    }
  });

  it('differ per tray level', () => {
    const files = TRAY_LEVELS.map((level) => readFileSync(join(BUILD, 'tray', `tray-${level}.png`)).toString('base64'));
    expect(new Set(files).size).toBe(TRAY_LEVELS.length);
  });

  it('include a Windows .ico of PNG entries 16…256 px', () => {
    const ico = readFileSync(join(BUILD, 'icon.ico'));
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2), ico.readUInt16LE(4)]).toEqual([0, 1, ICO_SIZES.length]);
    ICO_SIZES.forEach((size, i) => {
      const entry = 6 + i * 16;
      expect(ico.readUInt8(entry) || 256).toBe(size);
      const offset = ico.readUInt32LE(entry + 12);
      const png = ico.subarray(offset, offset + ico.readUInt32LE(entry + 8));
      expect(pngSize(png)).toEqual({ width: size, height: size });
    });
  });

  it('include a macOS .icns with every element its header declares', () => {
    const icns = readFileSync(join(BUILD, 'icon.icns'));
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let offset = 8; offset < icns.length; offset += icns.readUInt32BE(offset + 4)) {
      const type = icns.toString('ascii', offset, offset + 4);
      types.push(type);
      const png = icns.subarray(offset + 8, offset + icns.readUInt32BE(offset + 4));
      expect(pngSize(png).width, type).toBe(ICNS_TYPES.find((t) => t.type === type)?.size);
    }
    expect(types).toEqual(ICNS_TYPES.map((t) => t.type));
  });
});

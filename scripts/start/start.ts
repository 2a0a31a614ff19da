/**
 * `npm start`: builds and launches the desktop app, or, where no Electron runtime can start
 * (no binary, no display), prints one line saying why and runs web mode (`synack serve`)
 * instead.
 *
 *   npm start [-- --web] [-- --no-build] [-- <synack serve options>]
 *
 * `--web` forces web mode; `--no-build` skips building; every other argument goes to
 * `synack serve` in web mode, or to the app in desktop mode.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runServeCommand } from '../../src-main/cli/commands/serve.ts';
import type { CliIo } from '../../src-main/cli/io.ts';
import { locateElectronBinary, type BinaryLookup } from './electron-binary.ts';
import { decideLaunch, fallbackLine } from './launch-decision.ts';

/** The checkout `npm start` runs in. */
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StartArgs {
  readonly build: boolean;
  readonly forceWeb: boolean;
  /** Everything else, passed on. */
  readonly rest: readonly string[];
}

/** Splits `npm start`'s own flags from the ones it passes on. */
export function parseStartArgs(argv: readonly string[]): StartArgs {
  return {
    build: !argv.includes('--no-build'),
    forceWeb: argv.includes('--web'),
    rest: argv.filter((arg) => arg !== '--no-build' && arg !== '--web'),
  };
}

/** The Electron binary of this checkout, looked up without downloading anything. */
export function findElectron(root = PROJECT_ROOT, env: NodeJS.ProcessEnv = process.env): BinaryLookup {
  let packageDir: string | undefined;
  try {
    packageDir = dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    packageDir = undefined;
  }
  return locateElectronBinary({
    packageDir,
    env,
    exists: existsSync,
    readText: (path) => (existsSync(path) ? readFileSync(path, 'utf8') : undefined),
  });
}

/** Runs `npm start`; resolves to the exit code. */
export async function runStart(argv: readonly string[], io: CliIo, root = PROJECT_ROOT): Promise<number> {
  const args = parseStartArgs(argv);
  const decision = decideLaunch({ binary: findElectron(root), platform: process.platform, env: process.env, forceWeb: args.forceWeb });
  if (decision.mode === 'web') {
    io.err(`${fallbackLine(decision.reason)}\n`);
    if (args.build && !buildRenderer(root, io)) return 1;
    return runServeCommand(args.rest, io);
  }
  if (args.build) {
    if (!buildRenderer(root, io)) return 1;
    // Loaded only here: web mode needs no bundler.
    const { buildDesktop } = await import('../build-desktop.ts');
    await buildDesktop(root);
  }
  return launchElectron(decision.binary, root, args.rest, io);
}

/** Runs the project's `build:renderer` script when it has one; false when it failed. */
function buildRenderer(root: string, io: CliIo): boolean {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  if (!pkg.scripts?.['build:renderer']) return true;
  // npm is npm.cmd on Windows, which only a shell runs.
  const result = spawnSync('npm', ['run', '--silent', 'build:renderer'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
  if (result.status === 0) return true;
  io.err(`synack: building the renderer failed (npm run build:renderer exited ${result.status ?? result.signal})\n`);
  return false;
}

function launchElectron(binary: string, root: string, rest: readonly string[], io: CliIo): Promise<number> {
  const env = { ...process.env };
  delete env['ELECTRON_RUN_AS_NODE'];
  const child = spawn(binary, [root, ...rest], { cwd: root, env, stdio: 'inherit' });
  const stopListening = io.listenForInterrupt(() => child.kill('SIGTERM'));
  return new Promise((resolve) => {
    child.once('error', (error) => {
      stopListening();
      io.err(`synack: could not launch Electron (${binary}): ${error.message}\n`);
      resolve(1);
    });
    child.once('exit', (code, signal) => {
      stopListening();
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

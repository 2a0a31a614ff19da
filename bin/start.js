#!/usr/bin/env node
// `npm start`: the desktop app, or web mode where Electron cannot start (see scripts/start/start.ts).
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(`synack: needs Node 24 or newer (this is ${process.version}); run it through npm so the pinned Node is used.\n`);
  process.exit(2);
}
const { runStart } = await import('../scripts/start/start.ts');
const { processIo } = await import('../src-main/cli/io.ts');
process.exitCode = await runStart(process.argv.slice(2), processIo());

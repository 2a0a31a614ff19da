#!/usr/bin/env node
// Entry point for `npx synack`. The sources are TypeScript run by Node's own type stripping,
// which needs Node 24 (the project pins it: npm scripts and npx put it first on PATH).
const [major] = process.versions.node.split('.').map(Number);
if (major < 24) {
  process.stderr.write(`synack: needs Node 24 or newer (this is ${process.version}); run it through npm/npx in the project so the pinned Node is used.\n`);
  process.exit(2);
}
const { main } = await import('../src-main/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));

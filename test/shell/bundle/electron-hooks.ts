/** `node --import` this file to make `import … from 'electron'` load the fake module. */
import { registerHooks } from 'node:module';

const FAKE = new URL('./fake-electron-module.ts', import.meta.url).href;

registerHooks({
  resolve: (specifier, context, nextResolve) => (specifier === 'electron' ? { url: FAKE, shortCircuit: true } : nextResolve(specifier, context)),
});

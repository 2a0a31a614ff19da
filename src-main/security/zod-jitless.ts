/**
 * Import first in code that runs under the CSP (the renderer and the preload): zod would
 * otherwise probe `new Function('')` when it builds its first object schema, and though it
 * catches the refusal, Chromium still reports a `script-src` violation. Jitless parsing is
 * slower, which is irrelevant at the size of a form or an IPC payload. Node code (main
 * process, CLI) does not import this and keeps zod's compiled parsers.
 */
import { z } from 'zod';

z.config({ jitless: true });

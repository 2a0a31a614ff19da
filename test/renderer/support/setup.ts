/** Unmounts what a test rendered (svelteTesting's own auto-cleanup file lies behind the node_modules symlink). */
import { cleanup } from '@testing-library/svelte';
import { afterEach } from 'vitest';

afterEach(() => cleanup());

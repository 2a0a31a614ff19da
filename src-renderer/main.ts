/** Entry point: styles, the API (preload or web bridge), and the app mounted on <body>. */
// First: before any zod schema is built (see the module).
import '../src-main/security/zod-jitless.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import { getApi } from './lib/api.ts';
import './app.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target, props: { api: getApi() } });

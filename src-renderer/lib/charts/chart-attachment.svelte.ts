/**
 * `{@attach chart(() => config)}` on a canvas: creates the chart once, then applies every new
 * configuration in place with `update('none')` (no animation, no re-creation), and destroys
 * it when the canvas leaves the page.
 */
import { untrack } from 'svelte';
import type { Attachment } from 'svelte/attachments';
import type { ChartConfiguration, ChartType } from 'chart.js';
import { Chart } from './register.ts';

export function chart<TType extends ChartType, TData>(config: () => ChartConfiguration<TType, TData>): Attachment<HTMLCanvasElement> {
  return (canvas) => {
    let instance: Chart<TType, TData> | undefined;
    // The effect tracks only `config`; the attachment itself reads nothing reactive, so it
    // never re-runs (which would re-create the chart).
    $effect(() => {
      const next = config();
      untrack(() => {
        if (!instance) {
          // No 2D context (out of canvas memory, or a DOM without canvas): nothing can be drawn.
          if (canvas.getContext('2d') === null) return;
          instance = new Chart(canvas, next);
          return;
        }
        instance.data = next.data;
        if (next.options) instance.options = next.options;
        instance.update('none');
      });
    });
    return () => instance?.destroy();
  };
}

/**
 * chart.js with only what the detail charts use registered (the rest is tree-shaken):
 * line + scatter (latency bands and failure marks), bar (failures over time), a linear x axis
 * with our own time ticks (no date adapter), the filler for bands and min-max decimation.
 */
import { BarController, BarElement, Chart, Decimation, Filler, LinearScale, LineController, LineElement, PointElement, ScatterController, Tooltip } from 'chart.js';

Chart.register(LineController, ScatterController, BarController, LineElement, PointElement, BarElement, LinearScale, Filler, Decimation, Tooltip);

export { Chart };

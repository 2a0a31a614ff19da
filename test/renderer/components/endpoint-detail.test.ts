import { fireEvent, render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import EndpointDetail from '../../../src-renderer/components/EndpointDetail.svelte';
import { EndpointRow } from '../../../src-renderer/lib/state/overview.svelte.ts';
import { endpoint, failedSample, fakeApi, sample, status } from '../support/fake-api.ts';

// jsdom has no canvas: chart.js gets no context and draws nothing (quietly).
beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null);
});

const defaults = { intervalMs: 5000, timeoutMs: 2000 };

describe('endpoint detail', () => {
  it('loads the live range once, and once more per range change', async () => {
    const fake = fakeApi();
    const ep = endpoint({ name: 'web' });
    const row = new EndpointRow(ep, status(ep.id, 'up', { lastSample: sample(ep.id, 1) }));
    render(EndpointDetail, { api: fake.api, id: ep.id, row, theme: 'light', defaults, onclose: () => {} });
    const seriesCalls = (): unknown[][] => fake.calls.filter((call) => call.op === 'series').map((call) => call.args);
    await vi.waitFor(() => expect(seriesCalls()).toHaveLength(1));
    await fireEvent.click(screen.getByRole('radio', { name: '24 hours' }));
    await vi.waitFor(() => expect(seriesCalls()).toHaveLength(2));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(seriesCalls()).toHaveLength(2);
    const [, from, to] = seriesCalls()[1] as [number, number, number];
    expect(to - from).toBe(86_400_000);
    expect(screen.getByRole('radio', { name: '24 hours' }).getAttribute('aria-checked')).toBe('true');
  });

  it('explains a failing endpoint and shows a probe-now result at once', async () => {
    const fake = fakeApi();
    const ep = endpoint({ name: 'db' });
    fake.on('probeNow', () => failedSample(ep.id, 5, { hint: 'Start the service.' }));
    const row = new EndpointRow(ep, status(ep.id, 'down', { failureClass: 'refused', lastSample: failedSample(ep.id, 2) }));
    render(EndpointDetail, { api: fake.api, id: ep.id, row, theme: 'light', defaults, onclose: () => {} });
    expect(screen.getByTestId('failure-explanation').textContent).toContain('nothing is listening on that port');
    await fireEvent.click(screen.getByTestId('probe-now'));
    const result = await screen.findByTestId('probe-result');
    expect(result.textContent).toContain('Refused');
    expect(result.textContent).toContain('Start the service.');
  });

  it('goes back with Escape, but not while a dialog is open', async () => {
    const fake = fakeApi();
    const ep = endpoint();
    const onclose = vi.fn();
    render(EndpointDetail, { api: fake.api, id: ep.id, row: new EndpointRow(ep, status(ep.id, 'up')), theme: 'light', defaults, onclose });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    const dialog = screen.getByRole('dialog');
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onclose).not.toHaveBeenCalled();
    expect(screen.queryByRole('dialog')).toBeNull();
    await fireEvent.keyDown(window, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
  });

  it('deletes after confirmation and leaves the view', async () => {
    const fake = fakeApi();
    fake.on('removeEndpoint', () => null);
    const ep = endpoint();
    const onclose = vi.fn();
    render(EndpointDetail, { api: fake.api, id: ep.id, row: new EndpointRow(ep, status(ep.id, 'up')), theme: 'light', defaults, onclose });
    await fireEvent.click(screen.getByRole('button', { name: 'Delete' }));
    await fireEvent.click(screen.getAllByRole('button', { name: 'Delete' }).at(-1)!);
    await vi.waitFor(() => expect(onclose).toHaveBeenCalled());
    expect(fake.calls.find((call) => call.op === 'removeEndpoint')?.args).toEqual([ep.id]);
  });
});

import { fireEvent, render, screen, within } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import OverviewTable from '../../../src-renderer/components/OverviewTable.svelte';
import { OverviewState } from '../../../src-renderer/lib/state/overview.svelte.ts';
import { endpoint, failedSample, fakeApi, row, sample, status } from '../support/fake-api.ts';

async function loadedOverview(rows: ReturnType<typeof row>[]): Promise<{ overview: OverviewState; fake: ReturnType<typeof fakeApi> }> {
  const fake = fakeApi();
  fake.on('overview', () => rows);
  const overview = new OverviewState(fake.api);
  await overview.load();
  return { overview, fake };
}

describe('overview table', () => {
  it('shows each endpoint with status word, address, latency, uptime and the failure hint', async () => {
    const web = endpoint({ name: 'web', host: 'web.test', port: 443, tags: ['prod'] });
    const db = endpoint({ name: 'db', host: '::1', port: 5432 });
    const { overview } = await loadedOverview([
      row(web, { status: status(web.id, 'up', { lastSample: sample(web.id, 1, { latencyMs: 12.34 }) }), sparkline: [10, 12], uptime24h: 99.5 }),
      row(db, { status: status(db.id, 'down', { failureClass: 'refused', lastSample: failedSample(db.id, 1) }), sparkline: [null], uptime24h: 0 }),
    ]);
    render(OverviewTable, { overview, onopen: () => {} });
    const rows = screen.getAllByTestId('endpoint-row');
    expect(rows.map((r) => r.dataset['state'])).toEqual(['down', 'up']);
    const dbRow = within(rows[0]!);
    expect(dbRow.getByText('Down')).toBeTruthy();
    expect(dbRow.getByText('[::1]:5432')).toBeTruthy();
    expect(dbRow.getByText('Refused')).toBeTruthy();
    expect(dbRow.getByText(/check that the service is running/)).toBeTruthy();
    const webRow = within(rows[1]!);
    expect(webRow.getByText('Up')).toBeTruthy();
    expect(webRow.getByText('12.3 ms')).toBeTruthy();
    expect(webRow.getByText('99.50 %')).toBeTruthy();
    expect(webRow.getByText('prod')).toBeTruthy();
    expect(webRow.getByRole('img', { name: /last 2 samples, up to 12\.0 ms/ })).toBeTruthy();
    expect(rows[0]?.querySelectorAll('polyline')).toHaveLength(0);
    expect(rows[1]?.querySelectorAll('polyline')).toHaveLength(1);
  });

  it('updates one row live when a batch arrives', async () => {
    const web = endpoint({ name: 'web' });
    const { overview } = await loadedOverview([row(web, { status: status(web.id, 'up', { lastSample: sample(web.id, 1, { latencyMs: 1 }) }) })]);
    render(OverviewTable, { overview, onopen: () => {} });
    overview.apply({ samples: [failedSample(web.id, 2, { failureClass: 'timeout' })], statuses: [status(web.id, 'down', { failureClass: 'timeout', lastSample: failedSample(web.id, 2) })], events: [], endpoints: [], removed: [] });
    const updated = await screen.findByText('Down');
    expect(updated).toBeTruthy();
    expect(screen.getByText('Timed out')).toBeTruthy();
    expect(screen.getByTestId('latency').textContent).toBe('—');
  });

  it('opens a row with Enter or a click and moves focus with the arrow keys', async () => {
    const a = endpoint({ name: 'a' });
    const b = endpoint({ name: 'b' });
    const { overview } = await loadedOverview([row(a), row(b)]);
    const onopen = vi.fn();
    render(OverviewTable, { overview, onopen });
    const [first, second] = screen.getAllByTestId('endpoint-row');
    first?.focus();
    await fireEvent.keyDown(first!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(second);
    await fireEvent.keyDown(second!, { key: 'Enter' });
    expect(onopen).toHaveBeenLastCalledWith(b.id);
    await fireEvent.keyDown(second!, { key: 'Home' });
    expect(document.activeElement).toBe(first);
    await fireEvent.click(first!);
    expect(onopen).toHaveBeenLastCalledWith(a.id);
    expect(first?.tabIndex).toBe(0);
  });

  it('sorts by a header and says so with aria-sort', async () => {
    const a = endpoint({ name: 'a' });
    const b = endpoint({ name: 'b' });
    const { overview } = await loadedOverview([row(b), row(a)]);
    render(OverviewTable, { overview, onopen: () => {} });
    await fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(screen.getAllByTestId('endpoint-row').map((r) => r.getAttribute('aria-label'))).toEqual(['a, Up', 'b, Up']);
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('ascending');
    await fireEvent.click(screen.getByRole('button', { name: /Name/ }));
    expect(screen.getAllByTestId('endpoint-row').map((r) => r.getAttribute('aria-label'))).toEqual(['b, Up', 'a, Up']);
    expect(screen.getByRole('columnheader', { name: /Name/ }).getAttribute('aria-sort')).toBe('descending');
  });
});

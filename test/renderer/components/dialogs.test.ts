import { fireEvent, render, screen } from '@testing-library/svelte';
import { createRawSnippet } from 'svelte';
import { describe, expect, it, vi } from 'vitest';
import Dialog from '../../../src-renderer/components/Dialog.svelte';
import ImportExport from '../../../src-renderer/components/ImportExport.svelte';
import { fakeApi } from '../support/fake-api.ts';

describe('dialog', () => {
  it('is a labelled modal that Escape and the close button close', async () => {
    const onclose = vi.fn();
    render(Dialog, { title: 'Add endpoint', onclose, children: createRawSnippet(() => ({ render: () => '<p>body</p>' })) });
    const dialog = screen.getByRole('dialog', { name: 'Add endpoint' });
    expect(dialog.hasAttribute('open')).toBe(true);
    await fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onclose).toHaveBeenCalledTimes(1);
    await fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(onclose).toHaveBeenCalledTimes(2);
  });
});

describe('import and export', () => {
  it('imports a picked file and lists the problems per row and field', async () => {
    const fake = fakeApi();
    fake.on('importEndpoints', () => ({ imported: 0, problems: [{ row: 2, field: 'port', message: 'must be between 1 and 65535' }] }));
    render(ImportExport, { api: fake.api });
    const file = new File(['name,host,port\nweb,example.test,0\n'], 'endpoints.csv', { type: 'text/csv' });
    await fireEvent.change(screen.getByTestId('import-file'), { target: { files: [file] } });
    const problems = await screen.findByTestId('import-problems');
    expect(problems.textContent).toContain('2portmust be between 1 and 65535');
    expect(screen.getByRole('alert').textContent).toBe('Nothing was imported: 1 problem to fix first.');
    expect(fake.calls.find((c) => c.op === 'importEndpoints')?.args).toEqual(['name,host,port\nweb,example.test,0\n', 'csv']);
  });

  it('reports a successful import', async () => {
    const fake = fakeApi();
    fake.on('importEndpoints', () => ({ imported: 3, problems: [] }));
    render(ImportExport, { api: fake.api });
    await fireEvent.change(screen.getByTestId('import-file'), { target: { files: [new File(['{}'], 'all.json')] } });
    expect((await screen.findByRole('status')).textContent).toBe('Imported 3 endpoints.');
    expect(fake.calls.find((c) => c.op === 'importEndpoints')?.args[1]).toBe('json');
  });

  it('exports as a download of the text the service returns', async () => {
    const fake = fakeApi();
    fake.on('exportEndpoints', (format) => (format === 'csv' ? 'name,host\n' : '{"version":1}'));
    const created: Blob[] = [];
    const createObjectURL = vi.fn((blob: Blob) => {
      created.push(blob);
      return 'blob:test';
    });
    Object.assign(URL, { createObjectURL, revokeObjectURL: vi.fn() });
    const clicks: string[] = [];
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      clicks.push(this.download);
    });
    render(ImportExport, { api: fake.api });
    await fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    await vi.waitFor(() => expect(clicks).toEqual(['synack-endpoints.csv']));
    expect(await created[0]?.text()).toBe('name,host\n');
    expect(created[0]?.type).toBe('text/csv');
    click.mockRestore();
  });
});

import { fireEvent, render, screen } from '@testing-library/svelte';
import { afterEach, describe, expect, it, vi } from 'vitest';
import ReportExport from '../../../src-renderer/components/ReportExport.svelte';
import { fakeApi } from '../support/fake-api.ts';

function captureDownloads(): { blobs: Blob[]; names: string[] } {
  const blobs: Blob[] = [];
  const names: string[] = [];
  Object.assign(URL, { createObjectURL: (blob: Blob) => (blobs.push(blob), 'blob:test'), revokeObjectURL: () => {} });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    names.push(this.download);
  });
  return { blobs, names };
}

afterEach(() => vi.restoreAllMocks());

describe('report export', () => {
  it('asks the service for a report of one endpoint and saves the PDF it returns', async () => {
    const fake = fakeApi();
    fake.on('exportReport', () => ({ filename: 'synack-report.pdf', mime: 'application/pdf', encoding: 'base64', content: btoa('%PDF-1.7 test') }));
    const downloads = captureDownloads();
    render(ReportExport, { api: fake.api, tags: ['prod'], endpoint: { id: 9, name: 'web' } });
    await fireEvent.click(screen.getByTestId('report-button'));
    expect(screen.getByRole('dialog', { name: 'Report for web' })).toBeTruthy();
    await fireEvent.change(screen.getByLabelText('Format'), { target: { value: 'pdf' } });
    await fireEvent.change(screen.getByLabelText('Period'), { target: { value: '7d' } });
    await fireEvent.submit(screen.getByTestId('report-form'));
    await vi.waitFor(() => expect(downloads.names).toEqual(['synack-report.pdf']));
    const request = fake.calls.find((call) => call.op === 'exportReport')?.args[0] as { from: number; to: number; format: string; endpointIds: number[] };
    expect(request).toMatchObject({ format: 'pdf', endpointIds: [9] });
    expect(request.to - request.from).toBe(7 * 86_400_000);
    expect(new TextDecoder().decode(await downloads.blobs[0]!.arrayBuffer())).toBe('%PDF-1.7 test');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe('Saved synack-report.pdf');
  });

  it('shows a bad custom range on its field and sends nothing', async () => {
    const fake = fakeApi();
    render(ReportExport, { api: fake.api });
    await fireEvent.click(screen.getByTestId('report-button'));
    await fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'custom' } });
    await fireEvent.input(screen.getByLabelText('To'), { target: { value: '2000-01-01T00:00' } });
    await fireEvent.submit(screen.getByTestId('report-form'));
    expect(screen.getByTestId('field-error').textContent).toBe('To must be after from');
    expect(fake.calls.some((call) => call.op === 'exportReport')).toBe(false);
  });

  it("shows the service's refusal", async () => {
    const fake = fakeApi();
    fake.on('exportReport', () => {
      throw new Error('no Chromium to print PDF');
    });
    captureDownloads();
    render(ReportExport, { api: fake.api });
    await fireEvent.click(screen.getByTestId('report-button'));
    await fireEvent.submit(screen.getByTestId('report-form'));
    expect((await screen.findByRole('alert')).textContent).toBe('no Chromium to print PDF');
  });
});

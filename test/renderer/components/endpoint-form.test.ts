import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it, vi } from 'vitest';
import EndpointForm from '../../../src-renderer/components/EndpointForm.svelte';
import { ApiFailure } from '../../../src-renderer/lib/api.ts';
import { endpoint, fakeApi } from '../support/fake-api.ts';

const defaults = { intervalMs: 5000, timeoutMs: 2000 };

async function fill(label: string, value: string): Promise<HTMLInputElement> {
  const input = screen.getByLabelText(label) as HTMLInputElement;
  await fireEvent.input(input, { target: { value } });
  return input;
}

describe('endpoint form', () => {
  it('shows a field-named schema error once the field is left, and ties it to the input', async () => {
    const fake = fakeApi();
    render(EndpointForm, { api: fake.api, defaults, onsaved: () => {}, oncancel: () => {} });
    const port = await fill('Port', '70000');
    expect(screen.queryByTestId('field-error')).toBeNull();
    await fireEvent.blur(port);
    const error = screen.getByTestId('field-error');
    expect(error.textContent).toBe('Port must be between 1 and 65535');
    expect(port.getAttribute('aria-invalid')).toBe('true');
    expect(port.getAttribute('aria-describedby')).toContain(error.id);
    await fill('Port', '443');
    expect(screen.queryByTestId('field-error')).toBeNull();
  });

  it('refuses to submit an invalid form and lists every problem', async () => {
    const fake = fakeApi();
    render(EndpointForm, { api: fake.api, defaults, onsaved: () => {}, oncancel: () => {} });
    await fill('Host', 'bad host');
    await fireEvent.submit(screen.getByTestId('endpoint-form'));
    const messages = screen.getAllByTestId('field-error').map((e) => e.textContent);
    expect(messages).toEqual(['Name is required', 'Host must be a host name, an IPv4 address or an IPv6 address', 'Port is required']);
    expect(fake.calls.filter((c) => c.op === 'addEndpoint')).toEqual([]);
  });

  it('adds a valid endpoint with the defaults and the typed values', async () => {
    const fake = fakeApi();
    const saved = endpoint({ name: 'web' });
    fake.on('addEndpoint', () => saved);
    const onsaved = vi.fn();
    render(EndpointForm, { api: fake.api, defaults: { intervalMs: 10_000, timeoutMs: 3000 }, onsaved, oncancel: () => {} });
    await fill('Name', 'web');
    await fill('Host', 'example.test');
    await fill('Port', '443');
    await fill('Tags', 'prod, eu');
    await fireEvent.submit(screen.getByTestId('endpoint-form'));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalledWith(saved));
    expect(fake.calls.find((c) => c.op === 'addEndpoint')?.args[0]).toMatchObject({ name: 'web', host: 'example.test', port: 443, intervalMs: 10_000, timeoutMs: 3000, tags: ['prod', 'eu'] });
  });

  it("puts the service's refusal on the field it names", async () => {
    const fake = fakeApi();
    fake.on('addEndpoint', () => {
      throw new ApiFailure('CONFLICT', 'an endpoint named "web" already exists', 'name');
    });
    render(EndpointForm, { api: fake.api, defaults, onsaved: () => {}, oncancel: () => {} });
    await fill('Name', 'web');
    await fill('Host', 'example.test');
    await fill('Port', '443');
    await fireEvent.submit(screen.getByTestId('endpoint-form'));
    expect((await screen.findByTestId('field-error')).textContent).toBe('Name: an endpoint named "web" already exists');
    await fill('Name', 'web2');
    expect(screen.queryByTestId('field-error')).toBeNull();
  });

  it('edits an endpoint: starts from its values and sends the update', async () => {
    const fake = fakeApi();
    const existing = endpoint({ name: 'db', host: 'db.test', port: 5432 });
    fake.on('updateEndpoint', (_id, patch) => ({ ...existing, ...(patch as object) }));
    const onsaved = vi.fn();
    render(EndpointForm, { api: fake.api, endpoint: existing, defaults, onsaved, oncancel: () => {} });
    expect((screen.getByLabelText('Port') as HTMLInputElement).value).toBe('5432');
    await fill('Port', '6432');
    await fireEvent.click(screen.getByRole('button', { name: 'Save changes' }));
    await vi.waitFor(() => expect(onsaved).toHaveBeenCalled());
    const call = fake.calls.find((c) => c.op === 'updateEndpoint');
    expect(call?.args[0]).toBe(existing.id);
    expect(call?.args[1]).toMatchObject({ port: 6432, host: 'db.test' });
  });

  it('opens "More options" to show an error that lives there', async () => {
    const fake = fakeApi();
    render(EndpointForm, { api: fake.api, defaults, onsaved: () => {}, oncancel: () => {} });
    await fill('Name', 'hb');
    await fill('Host', 'example.test');
    await fill('Port', '443');
    await fireEvent.change(screen.getByLabelText('Kind'), { target: { value: 'heartbeat' } });
    const details = screen.getByText('More options').closest('details') as HTMLDetailsElement;
    expect(details.open).toBe(false);
    await fireEvent.change(screen.getByLabelText('Heartbeat mode'), { target: { value: 'active' } });
    await fireEvent.submit(screen.getByTestId('endpoint-form'));
    expect(details.open).toBe(true);
    expect(screen.getByTestId('field-error').textContent).toMatch(/^Send is required for an active heartbeat/);
    expect(fake.calls.some((c) => c.op === 'addEndpoint')).toBe(false);
  });
});

import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import EventTimeline from '../../../src-renderer/components/EventTimeline.svelte';
import ProbeResult from '../../../src-renderer/components/ProbeResult.svelte';
import StatusBadge from '../../../src-renderer/components/StatusBadge.svelte';
import { failedSample, sample } from '../support/fake-api.ts';

describe('status, probe results and events', () => {
  it.each([
    ['up', 'Up'],
    ['down', 'Down'],
    ['degraded', 'Degraded'],
    ['paused', 'Paused'],
    ['pending', 'Pending'],
  ] as const)('shows %s as a word and a shape, not colour alone', (state, word) => {
    const { container } = render(StatusBadge, { state });
    expect(screen.getByText(word)).toBeTruthy();
    expect(container.querySelector('svg [d], svg circle')).not.toBeNull();
  });

  it('shows a successful probe with its latency', () => {
    render(ProbeResult, { sample: sample(1, 1, { latencyMs: 3.21, address: '127.0.0.1' }) });
    expect(screen.getByRole('status').textContent).toMatch(/Reached\s+in 3\.2 ms \(127\.0\.0\.1\)/);
  });

  it('shows a failed probe with class, code, message and hint', () => {
    render(ProbeResult, { sample: failedSample(1, 1, { hint: 'The machine is up: check that the service is running.' }) });
    const text = screen.getByRole('status').textContent ?? '';
    expect(text).toContain('Refused');
    expect(text).toContain('ECONNREFUSED');
    expect(text).toContain('connection refused');
    expect(text).toContain('check that the service is running');
  });

  it('lists transitions with class and evidence', () => {
    // `events` is also a mount option's name: pass props explicitly.
    render(EventTimeline, {
      props: {
        events: [
          { id: 2, ts: 2000, endpointId: 1, type: 'state-change', from: 'up', to: 'down', failureClass: 'refused', details: { consecutiveFailures: 3, code: 'ECONNREFUSED', message: 'connection refused', flapping: false } },
          { id: 1, ts: 1000, endpointId: 1, type: 'state-change', from: 'pending', to: 'up', details: { consecutiveSuccesses: 1, latencyMs: 0.5 } },
        ],
      },
    });
    const items = screen.getAllByRole('listitem').map((item) => item.textContent?.replace(/\s+/g, ' '));
    expect(items[0]).toMatch(/Up → Down Refused 3 failures in a row · ECONNREFUSED: connection refused$/);
    expect(items[1]).toMatch(/Pending → Up 1 success in a row · latency 0\.50 ms$/);
  });
});

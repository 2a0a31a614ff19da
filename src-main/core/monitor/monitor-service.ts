/**
 * The one façade: everything a user can do goes through here, whichever shell they use
 * (desktop, web, CLI, daemon). It owns the scheduler, the endpoint runners and the store.
 */
import { endpointInputSchema, endpointPatchSchema, type Endpoint, type EndpointConfig, type EndpointInput, type EndpointPatch } from '../endpoints/endpoint-schema.ts';
import { exportEndpoints, importEndpoints, type ExchangeFormat } from '../endpoints/import-export.ts';
import { parseOrThrow } from '../endpoints/validation-error.ts';
import type { OperationResults, ParsedArgs, ServiceOperations } from '../../ipc/contract.ts';
import type { EndpointStatusDto, EventDto, OverviewRowDto, ReportFileDto, SampleDto, UpdateBatchDto } from '../../ipc/dto.ts';
import type { ReportContext } from '../report/build-report.ts';
import { chromiumPrintToPdf } from '../report/chromium-pdf.ts';
import { exportReport } from '../report/export-report.ts';
import type { PrintToPdf } from '../report/pdf.ts';
import { ReportScheduler } from '../report/report-scheduler.ts';
import { EndpointRunner } from './endpoint-runner.ts';
import { HeartbeatSampler, type LossReport } from './heartbeat-sampler.ts';
import { NotFoundError, type HistoryStore } from './history-store.ts';
import { NetworkHealth, type NetworkHealthOptions } from './network-health.ts';
import { Scheduler } from './scheduler.ts';
import { DEFAULT_SETTINGS, settingsPatchSchema, settingsSchema, type Settings, type SettingsPatch } from './settings-schema.ts';
import type { FlapSettings, Transition } from './state-machine.ts';
import { UpdateBatcher } from './update-batcher.ts';

const DAY_MS = 86_400_000;

export interface MonitorServiceOptions {
  readonly store: HistoryStore;
  /** Probes in flight at once. @default 256 */
  readonly concurrency?: number;
  readonly network?: NetworkHealthOptions;
  readonly flap?: FlapSettings;
  /** Push batching interval. @default 100 */
  readonly pushIntervalMs?: number;
  /** Called with each probe's start delay against its schedule (benchmarks). */
  readonly onSlip?: (slipMs: number) => void;
  /** Reports: vantage name, time zone, and the PDF printer (the desktop shell passes Electron's). */
  readonly reports?: ReportOptions;
}

export interface ReportOptions extends Omit<ReportContext, 'chartPoints'> {
  /** Prints report HTML to PDF. @default headless Chromium when one is installed */
  readonly printToPdf?: PrintToPdf;
  /** One line per scheduled report written or failed (settings.reports). */
  readonly log?: (message: string) => void;
}

/** Signature of a state transition as reported to listeners (daemon output, notifications). */
export interface TransitionReport extends Transition {
  readonly endpoint: Endpoint;
  /** Set when the endpoint's dependency is down: the transition belongs to that incident. */
  readonly groupedUnder?: Endpoint;
}

export class MonitorService implements ServiceOperations {
  readonly #store: HistoryStore;
  readonly #scheduler: Scheduler;
  readonly #health: NetworkHealth;
  readonly #batcher: UpdateBatcher;
  readonly #runners = new Map<number, EndpointRunner>();
  readonly #samplers = new Map<number, HeartbeatSampler>();
  readonly #transitionListeners = new Set<(report: TransitionReport) => void>();
  readonly #flap: FlapSettings | undefined;
  readonly #reports: ReportOptions;
  readonly #reportScheduler: ReportScheduler;
  #settings: Settings;
  #started = false;

  constructor(options: MonitorServiceOptions) {
    this.#store = options.store;
    this.#health = new NetworkHealth(options.network);
    this.#batcher = new UpdateBatcher((id) => this.#runners.get(id)?.status(), options.pushIntervalMs);
    this.#flap = options.flap;
    this.#reports = options.reports ?? {};
    this.#reportScheduler = new ReportScheduler({
      exportReport: (request) => this.exportReport(request),
      schedule: () => this.#settings.reports,
      ...(this.#reports.timeZone === undefined ? {} : { timeZone: this.#reports.timeZone }),
      ...(this.#reports.log === undefined ? {} : { log: this.#reports.log }),
    });
    this.#scheduler = new Scheduler({
      ...(options.concurrency === undefined ? {} : { concurrency: options.concurrency }),
      ...(options.onSlip === undefined ? {} : { onSlip: options.onSlip }),
    });
    this.#settings = this.#store.loadSettings() ?? DEFAULT_SETTINGS;
    for (const endpoint of this.#store.listEndpoints()) this.#addRunner(endpoint);
  }

  /** Starts probing every endpoint that is not paused. */
  start(): void {
    this.#started = true;
    for (const runner of this.#runners.values()) this.#schedule(runner);
    this.#reportScheduler.start();
  }

  /** Stops probing (aborting probes in flight), flushes the store and closes it. */
  async stop(): Promise<void> {
    this.#started = false;
    // A scheduled report being written still reads the store: let it finish first.
    await this.#reportScheduler.stop();
    // Probe-now runs are not the scheduler's: abort them too, or stop waits for their timeout.
    for (const id of [...this.#samplers.keys()]) this.#stopSession(id);
    await Promise.all([this.#scheduler.stop(), ...[...this.#runners.values()].map((runner) => runner.abort())]);
    this.#batcher.flush();
    this.#batcher.close();
    this.#store.flush();
    this.#store.close();
  }

  /** Batched updates for a renderer: at most one push per interval. */
  subscribe(listener: (batch: UpdateBatchDto) => void): () => void {
    return this.#batcher.subscribe(listener);
  }

  /** Every state transition, as it happens (daemon output, notifications). */
  onTransition(listener: (report: TransitionReport) => void): () => void {
    this.#transitionListeners.add(listener);
    return () => this.#transitionListeners.delete(listener);
  }

  /** The OS resumed from sleep or the network changed: failures just after are inconclusive. */
  notifyResume(): void {
    this.#health.resumed();
  }

  get settings(): Settings {
    return this.#settings;
  }

  // ── Operations of the contract ──────────────────────────────────────────────

  overview(): OverviewRowDto[] {
    const now = Date.now();
    return [...this.#runners.values()].map((runner) => {
      const summary = this.#store.summary(runner.id, now - DAY_MS, now);
      return { endpoint: runner.endpoint, status: runner.status(), sparkline: [...runner.sparkline], uptime24h: summary.uptimePct };
    });
  }

  listEndpoints(): Endpoint[] {
    return [...this.#runners.values()].map((runner) => runner.endpoint);
  }

  addEndpoint(input: EndpointInput): Endpoint {
    const config = parseOrThrow(endpointInputSchema, input);
    const endpoint = this.#store.insertEndpoint(config, Date.now());
    const runner = this.#addRunner(endpoint);
    this.#schedule(runner, true);
    this.#batcher.endpointChanged(endpoint);
    this.#batcher.status(runner.id);
    return endpoint;
  }

  updateEndpoint(id: number, patch: EndpointPatch): Endpoint {
    const runner = this.#runner(id);
    const merged: EndpointConfig = parseOrThrow(endpointInputSchema, { ...configOf(runner.endpoint), ...parseOrThrow(endpointPatchSchema, patch) });
    const endpoint = this.#store.updateEndpoint(id, merged, Date.now());
    runner.endpoint = endpoint;
    runner.tracker.setThresholds(endpoint.thresholds);
    if (endpoint.paused && runner.tracker.state !== 'paused') runner.pause();
    if (!endpoint.paused && runner.tracker.state === 'paused') runner.resume();
    this.#schedule(runner);
    this.#batcher.endpointChanged(endpoint);
    return endpoint;
  }

  removeEndpoint(id: number): null {
    void this.#runner(id).abort();
    this.#stopSession(id);
    this.#health.forget(id);
    this.#scheduler.remove(id);
    this.#runners.delete(id);
    this.#store.deleteEndpoint(id);
    this.#batcher.endpointRemoved(id);
    return null;
  }

  probeNow(id: number): Promise<SampleDto> {
    return this.#runner(id).runOnce();
  }

  pauseEndpoint(id: number): EndpointStatusDto {
    return this.#setPaused(this.#runner(id), true);
  }

  resumeEndpoint(id: number): EndpointStatusDto {
    return this.#setPaused(this.#runner(id), false);
  }

  pauseAll(): null {
    for (const runner of this.#runners.values()) this.#setPaused(runner, true);
    return null;
  }

  resumeAll(): null {
    for (const runner of this.#runners.values()) this.#setPaused(runner, false);
    return null;
  }

  series(id: number, from: number, to: number, maxPoints: number): OperationResults['series'] {
    this.#runner(id);
    this.#store.flush();
    return this.#store.series(id, from, to, maxPoints);
  }

  summary(id: number, from: number, to: number): OperationResults['summary'] {
    this.#runner(id);
    this.#store.flush();
    return this.#store.summary(id, from, to);
  }

  events(query: ParsedArgs<'events'>[0]): EventDto[] {
    return this.#store.events({ from: query.from, to: query.to, limit: query.limit, ...(query.endpointId === undefined ? {} : { endpointId: query.endpointId }) });
  }

  /** A report over a range in one format, as a file to save (PDF base64-encoded). */
  exportReport(request: ParsedArgs<'exportReport'>[0]): Promise<ReportFileDto> {
    this.#store.flush();
    const { printToPdf, ...context } = this.#reports;
    return exportReport(this, request, { ...context, printToPdf: () => printToPdf ?? chromiumPrintToPdf() });
  }

  /** Raw samples in [from, to), oldest first, one bounded page at a time (streaming exports). */
  samplePages(id: number, from: number, to: number, pageSize?: number): Iterable<readonly SampleDto[]> {
    this.#runner(id);
    return this.#store.samplePages(id, from, to, pageSize);
  }

  getSettings(): Settings {
    return this.#settings;
  }

  updateSettings(patch: SettingsPatch): Settings {
    const next = parseOrThrow(settingsSchema, { ...this.#settings, ...parseOrThrow(settingsPatchSchema, patch) });
    this.#store.saveSettings(next);
    this.#settings = next;
    this.#reportScheduler.reschedule();
    return next;
  }

  importEndpoints(text: string, format: ExchangeFormat): OperationResults['importEndpoints'] {
    const names = new Set([...this.#runners.values()].map((runner) => runner.endpoint.name));
    const result = importEndpoints(text, format, names);
    if (!result.ok) return { imported: 0, problems: result.problems };
    for (const config of result.endpoints) this.addEndpoint(config);
    return { imported: result.endpoints.length, problems: [] };
  }

  exportEndpoints(format: ExchangeFormat): string {
    return exportEndpoints(this.listEndpoints(), format);
  }

  // ── Internals ───────────────────────────────────────────────────────────────

  #runner(id: number): EndpointRunner {
    const runner = this.#runners.get(id);
    if (!runner) throw new NotFoundError(`endpoint ${id} does not exist`);
    return runner;
  }

  #addRunner(endpoint: Endpoint): EndpointRunner {
    const runner = new EndpointRunner(
      endpoint,
      this.#health,
      { onSample: (r, sample) => this.#onSample(r, sample), onTransition: (r, transition) => this.#onTransition(r, transition) },
      this.#flap,
    );
    this.#runners.set(endpoint.id, runner);
    return runner;
  }

  /** (Re)schedules an endpoint from its current config: probes on the scheduler, or a heartbeat session plus its tick. */
  #schedule(runner: EndpointRunner, immediate = false): void {
    this.#stopSession(runner.id);
    if (!this.#started) return;
    if (runner.endpoint.paused) {
      this.#health.forget(runner.id);
      this.#scheduler.remove(runner.id);
      return;
    }
    if (runner.endpoint.kind === 'heartbeat') {
      const sampler = new HeartbeatSampler(runner, (loss) => this.#onHeartbeatLost(loss));
      this.#samplers.set(runner.id, sampler);
      sampler.start();
      this.#scheduler.add({ id: runner.id, intervalMs: runner.endpoint.intervalMs, run: () => sampler.tick() });
      return;
    }
    this.#scheduler.add({ id: runner.id, intervalMs: runner.endpoint.intervalMs, run: (signal) => runner.runOnce(signal).then(() => undefined) }, { immediate });
  }

  #stopSession(id: number): void {
    this.#samplers.get(id)?.stop();
    this.#samplers.delete(id);
  }

  #onHeartbeatLost({ runner, failure, uptimeMs }: LossReport): void {
    const event = this.#store.appendEvent({
      ts: failure.startedAt,
      endpointId: runner.id,
      type: 'heartbeat-lost',
      failureClass: failure.failure.class,
      details: { uptimeMs, code: failure.failure.code, message: failure.failure.message, ...(failure.address === undefined ? {} : { address: failure.address }) },
    });
    this.#batcher.event(event);
  }

  #setPaused(runner: EndpointRunner, paused: boolean): EndpointStatusDto {
    if (runner.endpoint.paused !== paused) {
      runner.endpoint = this.#store.updateEndpoint(runner.id, { ...configOf(runner.endpoint), paused }, Date.now());
      if (paused) runner.pause();
      else runner.resume();
      this.#schedule(runner);
      this.#batcher.endpointChanged(runner.endpoint);
    }
    return runner.status();
  }

  #onSample(runner: EndpointRunner, sample: SampleDto): void {
    this.#store.appendSample(sample);
    this.#batcher.sample(sample);
    this.#batcher.status(runner.id);
  }

  #onTransition(runner: EndpointRunner, transition: Transition): void {
    const dependency = this.#dependencyDown(runner.endpoint);
    if (this.#settings.sentinel !== null && runner.endpoint.name === this.#settings.sentinel) {
      this.#health.setSentinelDown(transition.to === 'down');
    }
    const event = this.#store.appendEvent({
      ts: transition.at,
      endpointId: runner.id,
      type: 'state-change',
      from: transition.from,
      to: transition.to,
      ...(transition.failureClass === undefined ? {} : { failureClass: transition.failureClass }),
      details: { ...transition.evidence, flapping: transition.flapping, ...(dependency ? { groupedUnder: dependency.id } : {}) },
    });
    this.#batcher.event(event);
    this.#batcher.status(runner.id);
    const report: TransitionReport = { ...transition, endpoint: runner.endpoint, ...(dependency ? { groupedUnder: dependency } : {}) };
    for (const listener of this.#transitionListeners) listener(report);
  }

  #dependencyDown(endpoint: Endpoint): Endpoint | undefined {
    if (endpoint.dependsOn === undefined) return undefined;
    for (const runner of this.#runners.values()) {
      if (runner.endpoint.name === endpoint.dependsOn) return runner.tracker.state === 'down' ? runner.endpoint : undefined;
    }
    return undefined;
  }
}

/** The user's config of an endpoint, without its identity and timestamps. */
function configOf(endpoint: Endpoint): EndpointConfig {
  const { id: _id, createdAt: _created, updatedAt: _updated, ...config } = endpoint;
  return config;
}

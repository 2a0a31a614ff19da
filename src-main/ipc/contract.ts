/**
 * The one contract between the service and the renderer. Electron's preload and the web
 * bridge both implement `SynackApi`; the main process and the web server validate every
 * call's arguments with `OPERATIONS[op].args` before touching the service. Isomorphic: no
 * `node:` or `electron` imports (the renderer imports its types).
 */
import { z } from 'zod';
import { endpointInputSchema, endpointPatchSchema, type Endpoint } from '../core/endpoints/endpoint-schema.ts';
import { settingsPatchSchema } from '../core/monitor/settings-schema.ts';
import { reportRequestSchema } from '../core/report/report-request.ts';
import type {
  EndpointStatusDto, EventDto, ImportReportDto, NavigateDto, OverviewRowDto, ReportFileDto, SampleDto, SeriesDto, SettingsDto, SummaryDto,
  UpdateBatchDto,
} from './dto.ts';

const id = z.number({ error: 'must be a number' }).int('must be a whole number').positive('must be positive');
const time = z.number({ error: 'must be a time in ms' }).int().nonnegative();
const format = z.enum(['json', 'csv']);

/** Every operation: its channel name and the schema of its argument tuple. */
export const OPERATIONS = {
  overview: { channel: 'synack:overview', args: z.tuple([]) },
  listEndpoints: { channel: 'synack:endpoints:list', args: z.tuple([]) },
  addEndpoint: { channel: 'synack:endpoints:add', args: z.tuple([endpointInputSchema]) },
  updateEndpoint: { channel: 'synack:endpoints:update', args: z.tuple([id, endpointPatchSchema]) },
  removeEndpoint: { channel: 'synack:endpoints:remove', args: z.tuple([id]) },
  probeNow: { channel: 'synack:endpoints:probe-now', args: z.tuple([id]) },
  pauseEndpoint: { channel: 'synack:endpoints:pause', args: z.tuple([id]) },
  resumeEndpoint: { channel: 'synack:endpoints:resume', args: z.tuple([id]) },
  pauseAll: { channel: 'synack:endpoints:pause-all', args: z.tuple([]) },
  resumeAll: { channel: 'synack:endpoints:resume-all', args: z.tuple([]) },
  series: {
    channel: 'synack:history:series',
    args: z.tuple([id, time, time, z.number().int().min(10, 'must be at least 10').max(5000, 'must be at most 5000')]),
  },
  summary: { channel: 'synack:history:summary', args: z.tuple([id, time, time]) },
  events: {
    channel: 'synack:history:events',
    args: z.tuple([z.object({ endpointId: id.optional(), from: time, to: time, limit: z.number().int().min(1).max(10_000).default(500) }).strict()]),
  },
  getSettings: { channel: 'synack:settings:get', args: z.tuple([]) },
  updateSettings: { channel: 'synack:settings:update', args: z.tuple([settingsPatchSchema]) },
  importEndpoints: { channel: 'synack:endpoints:import', args: z.tuple([z.string().max(5_000_000, 'must be at most 5 MB'), format]) },
  exportEndpoints: { channel: 'synack:endpoints:export', args: z.tuple([format]) },
  /** A report over a range (html, pdf, csv summary or json), as a file to save. */
  exportReport: { channel: 'synack:reports:export', args: z.tuple([reportRequestSchema]) },
} as const;

export type OperationName = keyof typeof OPERATIONS;

/** What each operation resolves to on success. */
export interface OperationResults {
  overview: OverviewRowDto[];
  listEndpoints: Endpoint[];
  addEndpoint: Endpoint;
  updateEndpoint: Endpoint;
  removeEndpoint: null;
  probeNow: SampleDto;
  pauseEndpoint: EndpointStatusDto;
  resumeEndpoint: EndpointStatusDto;
  pauseAll: null;
  resumeAll: null;
  series: SeriesDto;
  summary: SummaryDto;
  events: EventDto[];
  getSettings: SettingsDto;
  updateSettings: SettingsDto;
  importEndpoints: ImportReportDto;
  exportEndpoints: string;
  exportReport: ReportFileDto;
}

/** Pushes from the service, channel names. */
export const PUSHES = {
  update: 'synack:push:update',
  /** Desktop only: the user clicked a notification; show what it was about. */
  navigate: 'synack:push:navigate',
} as const;

export type ApiErrorCode = 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'UNAVAILABLE' | 'INTERNAL';

/** Errors cross as data: `field` names the offending argument field when there is one. */
export interface ApiError {
  readonly ok: false;
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly field?: string;
}

export type ApiResult<T> = { readonly ok: true; readonly value: T } | ApiError;

export type OperationArgs<K extends OperationName> = z.input<(typeof OPERATIONS)[K]['args']>;
export type ParsedArgs<K extends OperationName> = z.output<(typeof OPERATIONS)[K]['args']>;

/** What the renderer sees as `window.synack`. */
export type SynackApi = {
  readonly [K in OperationName]: (...args: OperationArgs<K>) => Promise<ApiResult<OperationResults[K]>>;
} & {
  /** Batched updates (≤ 10 per second); returns an unsubscribe function. */
  readonly onUpdate: (listener: (batch: UpdateBatchDto) => void) => () => void;
  /**
   * Desktop only (absent in web mode): the shell asks the renderer to show an endpoint (or the
   * overview when `endpointId` is null), e.g. after a notification click. Returns an unsubscribe.
   */
  readonly onNavigate?: (listener: (target: NavigateDto) => void) => () => void;
};

export const OPERATION_NAMES = Object.keys(OPERATIONS) as OperationName[];

/** What the serving side implements: parsed (validated) arguments in, results out; may throw typed errors. */
export type ServiceOperations = {
  readonly [K in OperationName]: (...args: ParsedArgs<K>) => OperationResults[K] | Promise<OperationResults[K]>;
};

/** The storage layer's public API. */
export { openStore, Store, type OpenStoreOptions, type QueryOptions } from './store.ts';
export { defaultDbPath, DB_FILE_NAME } from './paths.ts';
export { sampleFromOutcome, type StoredSample, type SamplePhases } from './sample.ts';
export type { SampleKind } from './codes.ts';
export type { SampleWriter, SampleWriterOptions, SampleWriterStats } from './sample-writer.ts';
export type { EndpointRecord, EndpointChanges } from './endpoints-repo.ts';
export type { EventType, NewEvent, StoredEvent, EventQuery } from './events-repo.ts';
export type { Retention } from './settings-repo.ts';
export type { Series, SeriesPoint, SeriesResolution } from './series.ts';
export type { Summary, LatencyStats } from './summary.ts';
export type { Incident, IncidentError } from './incidents.ts';
export type { OpenNotice, SetAsideReason } from './open-database.ts';
export type { PruneStepResult } from './pruner.ts';
export { StoreError, type StoreErrorCode } from './store-error.ts';
export { SKETCH_RELATIVE_ERROR } from './sketch.ts';

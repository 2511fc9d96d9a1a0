/**
 * The rules of ../shared/domain.md as plain functions and data (<topic>.ts: no I/O, no clock —
 * time is passed in — and no zod, safe in Temporal workflows), and the zod schemas that check
 * inputs at the API edge (<topic>.schema.ts). Workflows import the topic files directly, never
 * this index: it carries the schemas too.
 */
export * from './dates';
export * from './dates.schema';
export * from './identifiers';
export * from './identifiers.schema';
export * from './permit';
export * from './permit.schema';
export * from './household';
export * from './eligibility';
export * from './deadlines';
export * from './settlement-info';
export * from './settlement-info.schema';
export * from './distribution';

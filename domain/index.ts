/**
 * The rules of ../shared/domain.md as plain functions, data and zod schemas: no I/O, no clock
 * (time is passed in), safe to import from Temporal workflows and from the API.
 */
export * from './dates';
export * from './identifiers';
export * from './permit';
export * from './household';
export * from './eligibility';
export * from './deadlines';
export * from './settlement-info';
export * from './distribution';

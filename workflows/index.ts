// The worker's workflow bundle: every workflow type the task queue runs.
export { settlementCase } from './settlement-case';
export { arrivalJourney } from './arrival-journey';

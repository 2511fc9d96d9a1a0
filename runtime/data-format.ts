/**
 * The shape of the settlement case's state and history. Version 2 (the pure-reducer case of issue 9:
 * refusal inside the case, person-based places, per-role timeline) cannot replay histories of
 * version 1, and its state is not version 1's. A run carries the version it was started with, and
 * the embedded dev server's data directory records the version it holds (scripts/start.ts sets an
 * older directory aside instead of replaying it).
 */
export const DATA_FORMAT = 2;

/**
 * Durable deadlines for the arrival journey: one watcher per deadline. Day-granular, with the
 * instants of domain/case/scheduler.ts (a reminder at the start of its date, a due date at its end).
 */
import { condition } from '@temporalio/workflow';
import { endOfDate, startOfDate } from '../domain/case/scheduler';

export { endOfDate, startOfDate };

/** Waits until `isDone()` holds or the instant passes; true when done. Workflow time is deterministic. */
export async function doneBefore(isDone: () => boolean, instant: number): Promise<boolean> {
  const remaining = instant - Date.now();
  if (remaining <= 0) return isDone();
  return condition(isDone, remaining);
}

/**
 * Watches one deadline on its own (the arrival journey's way): `remind()` at the start of the
 * reminder date, `escalate()` after the due date, nothing once `isMet()` holds.
 */
export async function watchDeadline(opts: {
  remindDate?: string;
  dueDate: string;
  isMet: () => boolean;
  remind: () => Promise<void>;
  escalate: () => Promise<void>;
}): Promise<'met' | 'overdue'> {
  if (opts.remindDate) {
    if (await doneBefore(opts.isMet, startOfDate(opts.remindDate))) return 'met';
    await opts.remind();
  }
  if (await doneBefore(opts.isMet, endOfDate(opts.dueDate))) return 'met';
  await opts.escalate();
  return 'overdue';
}

/**
 * Durable deadlines: a reminder before, an escalation at the due date, nothing once the duty is met.
 * Day-granular deadlines fall due at the end of their due date (UTC midnight after it).
 */
import { condition } from '@temporalio/workflow';
import { addDays } from '../domain/dates';

/** The instant a calendar date ends (00:00 UTC of the next day). */
export function endOfDate(date: string): number {
  return Date.parse(`${addDays(date, 1)}T00:00:00Z`);
}

/** Start of a calendar date (00:00 UTC). */
export function startOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Waits until `isMet()` holds or the instant passes; true when met. Workflow time is deterministic. */
export async function metBefore(isMet: () => boolean, instant: number): Promise<boolean> {
  const remaining = instant - Date.now();
  if (remaining <= 0) return isMet();
  return condition(isMet, remaining);
}

/**
 * Watches one deadline: at the reminder date `remind()` runs, after the due date `escalate()`.
 * Returns how it ended, so the caller can record it.
 */
export async function watchDeadline(opts: {
  remindDate?: string;
  dueDate: string;
  isMet: () => boolean;
  remind: () => Promise<void>;
  escalate: () => Promise<void>;
}): Promise<'met' | 'overdue'> {
  if (opts.remindDate) {
    if (await metBefore(opts.isMet, startOfDate(opts.remindDate))) return 'met';
    await opts.remind();
  }
  if (await metBefore(opts.isMet, endOfDate(opts.dueDate))) return 'met';
  await opts.escalate();
  return 'overdue';
}

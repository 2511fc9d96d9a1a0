/**
 * Durable deadlines. Day-granular: a reminder goes out at the start of its date, a deadline falls
 * due at the end of its date (UTC). Each deadline's status lives in the case state, so a run that
 * continued as new never sends a reminder or an escalation twice.
 */
import { condition } from '@temporalio/workflow';
import { addDays } from '../domain/dates';
import type { Deadline } from './messages';

/** The instant a calendar date ends (00:00 UTC of the next day). */
export function endOfDate(date: string): number {
  return Date.parse(`${addDays(date, 1)}T00:00:00Z`);
}

/** Start of a calendar date (00:00 UTC). */
export function startOfDate(date: string): number {
  return Date.parse(`${date}T00:00:00Z`);
}

/** Waits until `isDone()` holds or the instant passes; true when done. Workflow time is deterministic. */
export async function doneBefore(isDone: () => boolean, instant: number): Promise<boolean> {
  const remaining = instant - Date.now();
  if (remaining <= 0) return isDone();
  return condition(isDone, remaining);
}

export function isOpen(deadline: Deadline): boolean {
  return deadline.status === 'open' || deadline.status === 'reminded' || deadline.status === 'overdue';
}

/** The next instant this deadline needs attention, if any: its reminder, then its due date. */
export function nextInstant(deadline: Deadline): number | undefined {
  if (deadline.status === 'open' && deadline.remindDate) return startOfDate(deadline.remindDate);
  if (deadline.status === 'open' || deadline.status === 'reminded') return endOfDate(deadline.dueDate);
  return undefined;
}

/** What has come due by now: 'remind' or 'escalate', or nothing yet. */
export function dueAction(deadline: Deadline, now: number): 'remind' | 'escalate' | undefined {
  if ((deadline.status === 'open' || deadline.status === 'reminded') && endOfDate(deadline.dueDate) <= now) return 'escalate';
  if (deadline.status === 'open' && deadline.remindDate && startOfDate(deadline.remindDate) <= now) return 'remind';
  return undefined;
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

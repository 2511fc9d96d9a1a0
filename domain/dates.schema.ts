/** The zod schemas of dates, weeks and instants, for the API edge (dates.ts holds the calendar rules). */
import { z } from 'zod';
import { ISO_DATE, ISO_WEEK, isIsoInstant, isValidIsoDate, isValidIsoWeek } from './dates';

export const isoDateSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a date as text, YYYY-MM-DD') })
  .regex(ISO_DATE, 'must be a date in the form YYYY-MM-DD, e.g. 2024-05-31')
  .refine(isValidIsoDate, 'is not a real calendar date (check the day of the month and leap years)');

export const isoWeekSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be an ISO week as text, YYYY-Www') })
  .regex(ISO_WEEK, 'must be an ISO week in the form YYYY-Www, e.g. 2026-W05')
  .refine(isValidIsoWeek, 'is not an existing ISO week (only some years have a week 53)');

export const isoInstantSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a timestamp as text') })
  .refine(isIsoInstant, 'must be an ISO 8601 timestamp with an offset, e.g. 2024-05-01T08:30:00Z');

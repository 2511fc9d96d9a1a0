/**
 * R-REG-6: a resident of one of UDI's special care units owes IMDi an updated function report
 * (funksjonsrapport) at least every 6 months while waiting — reminded and escalated like every
 * other deadline of the case. Only the due date: the case reference says which resident (R-PRIV-3).
 * Texts: notifications/texts/.
 */
import { strictObject } from '../../domain/schema';
import { day } from '../texts/format';
import { defineMessage } from './define';
import { date } from './fields';

export const functionReportDue = defineMessage({
  type: 'function-report-due',
  rules: ['R-REG-6'],
  recipients: ['reception_centre'],
  sender: 'imdi',
  letter: false,
  description: 'The next updated function report (or "no change") for a resident of a special care unit is due soon; the centre is reminded.',
  schema: strictObject({ dueDate: date }),
  values: (data) => ({ dueDate: day(data.dueDate) }),
});

export const functionReportOverdue = defineMessage({
  type: 'function-report-overdue',
  rules: ['R-REG-6'],
  // R-REG-6: the report goes to IMDi, so IMDi is told it is missing; the centre owes it.
  recipients: ['reception_centre', 'imdi'],
  sender: 'system',
  letter: false,
  description: 'No updated function report (nor "no change") was recorded by its due date; the centre and IMDi are told.',
  schema: strictObject({ dueDate: date }),
  values: (data) => ({ dueDate: day(data.dueDate) }),
});

export const functionReportMessages = [functionReportDue, functionReportOverdue] as const;

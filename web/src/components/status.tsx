import { Tag } from '@digdir/designsystemet-react';
import { daysUntil, daysLeftText } from '../format';

/** Days before a due date from which a deadline counts as at risk in lists. */
export const AT_RISK_DAYS = 3;

/** A deadline's urgency in words and colour (never colour alone). */
export function DueTag({ dueDate }: { dueDate: string }) {
  const days = daysUntil(dueDate);
  if (days < 0) return <Tag data-color="danger">Forfalt</Tag>;
  if (days <= AT_RISK_DAYS) return <Tag data-color="warning">Snart frist</Tag>;
  return <Tag data-color="neutral">Åpen</Tag>;
}

export function DaysLeft({ dueDate }: { dueDate: string }) {
  return <>{daysLeftText(dueDate)}</>;
}

/** A one-activity workflow: runs `notify` exactly as a case workflow would, with the recommended options. */
import type { Duration } from '@temporalio/common';
import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities';
import { notifyActivityOptions, type NotificationRequest, type NotifyOutcome } from '../../notifications/request';

/** Tests shorten the backoff (and may lower the attempts); everything else is the recommended policy. */
export type RetryOverrides = { initialInterval?: Duration; maximumInterval?: Duration; maximumAttempts?: number };

export async function notifyOnce(request: NotificationRequest, retry: RetryOverrides = {}): Promise<NotifyOutcome> {
  const { notify } = proxyActivities<Activities>({ ...notifyActivityOptions, retry: { ...notifyActivityOptions.retry, ...retry } });
  return notify(request);
}

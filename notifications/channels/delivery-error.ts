/** A channel could not deliver. `retryable` decides whether the activity retry policy tries again. */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly retryable: boolean,
    /** The receiver asked us to wait (Retry-After); becomes the next retry's delay. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

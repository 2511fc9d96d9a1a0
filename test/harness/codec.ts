/** The test run's payload encryption: the same keys as the system under test (global-setup.ts). */
import type { DataConverter } from '@temporalio/common';
import { inject } from 'vitest';
import { createDataConverter } from '../../privacy/data-converter';
import { parseKeyRing } from '../../privacy/payload-keys';

let converter: DataConverter | undefined;

/** Every client, worker and replay in the tests encrypts like production does. */
export function testDataConverter(): DataConverter {
  converter ??= createDataConverter(parseKeyRing(inject('payloadKeys')));
  return converter;
}

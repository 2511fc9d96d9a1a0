/** Connections to Temporal for the API (client) and the worker, from the one configuration. */
import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import type { DataConverter } from '@temporalio/common';
import { NativeConnection } from '@temporalio/worker';
import type { TemporalConnection } from '../temporal.config';

function tlsOptions(tls: TemporalConnection['tls']) {
  if (!tls || tls === true) return tls;
  return {
    serverNameOverride: tls.serverName,
    clientCertPair:
      tls.clientCertPath && tls.clientKeyPath
        ? { crt: fs.readFileSync(tls.clientCertPath), key: fs.readFileSync(tls.clientKeyPath) }
        : undefined,
  };
}

/** `dataConverter`: privacy/data-converter.ts — every client encrypts and decrypts payloads. */
export async function connectClient(settings: TemporalConnection, dataConverter: DataConverter): Promise<Client> {
  const connection = await Connection.connect({
    address: settings.address,
    tls: tlsOptions(settings.tls),
    apiKey: settings.apiKey,
    metadata: settings.apiKey ? { 'temporal-namespace': settings.namespace } : undefined,
  });
  return new Client({ connection, namespace: settings.namespace, dataConverter });
}

export function connectWorkerConnection(settings: TemporalConnection): Promise<NativeConnection> {
  return NativeConnection.connect({
    address: settings.address,
    tls: tlsOptions(settings.tls),
    apiKey: settings.apiKey,
    metadata: settings.apiKey ? { 'temporal-namespace': settings.namespace } : undefined,
  });
}

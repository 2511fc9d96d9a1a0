/** `npm run provision`: make sure the Temporal CLI and the time-skipping test server are in the cache. */
import { ConfigError, loadConfig } from '../temporal.config';
import { ensureTemporalCli, ensureTestServer, ProvisioningError } from '../runtime/temporal-binaries';

const log = (line: string) => console.log(`[provision] ${line}`);

try {
  const { binaries } = loadConfig();
  const cli = await ensureTemporalCli({ cacheDir: binaries.cacheDir, explicitPath: binaries.cliPath, log });
  const testServer = await ensureTestServer({ cacheDir: binaries.cacheDir, explicitPath: binaries.testServerPath, log });
  log(`Temporal CLI: ${cli}`);
  log(`Time-skipping test server: ${testServer.type === 'existing-path' ? testServer.path : `SDK download in ${testServer.downloadDir}`}`);
} catch (error) {
  if (error instanceof ConfigError || error instanceof ProvisioningError) {
    console.error(`[provision] ${error.message}`);
    process.exit(1);
  }
  throw error;
}

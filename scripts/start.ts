/** `npm start`: the whole system on this machine, or connected to the configured cluster and tables. */
import { ProvisioningError } from '../runtime/temporal-binaries';
import { ConfigError, loadConfig } from '../temporal.config';

const log = (line: string) => console.log(`[bosetting] ${line}`);

async function main() {
  const config = loadConfig();
  // Loaded after the configuration is checked, so a wrong value is reported at once.
  const { startSystem } = await import('../runtime/system');
  const { ensureWebBuild } = await import('../web/build');
  const webDist = await ensureWebBuild(log);
  const system = await startSystem(config, { log, webDist });
  log('Ready. Ctrl-C stops everything; data is kept for the next start.');
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: stopping…`);
    await system.stop();
    log('Stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error) => {
  // Configuration and provisioning problems are the user's to fix: one line, no stack trace.
  if (error instanceof ConfigError || error instanceof ProvisioningError) console.error(`[bosetting] ${error.message}`);
  else console.error(`[bosetting] failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

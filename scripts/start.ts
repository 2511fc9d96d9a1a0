/** `npm start`: the whole system on this machine, or connected to the configured cluster and tables. */
import { ProvisioningError } from '../runtime/temporal-binaries';
import { ConfigError, loadConfig } from '../temporal.config';

const log = (line: string) => console.log(`[bosetting] ${line}`);

/** Issue 11: SIGINT or SIGTERM → "Stopped." within this bound, under load too. */
const STOP_BOUND_MS = 30_000;

async function main() {
  const config = loadConfig();
  // Loaded after the configuration is checked, so a wrong value is reported at once.
  const { startSystem } = await import('../runtime/system');
  const { ensureWebBuild } = await import('../web/build');
  const webDist = await ensureWebBuild(log);
  const system = await startSystem(config, { log, webDist });
  log('Ready. Ctrl-C stops everything; data is kept for the next start.');
  let stoppingSince: number | undefined;
  const stop = async (signal: string) => {
    if (stoppingSince !== undefined) {
      // A second Ctrl-C: out now (the dev server's watchdog stops it; runtime/dev-server.ts). Not
      // within a second of the first: npm and tsx may pass one signal on as a second.
      if (Date.now() - stoppingSince < 1_000) return;
      log(`${signal} again: exiting without waiting.`);
      process.exit(130);
    }
    stoppingSince = Date.now();
    log(`${signal}: stopping… (new requests get 503; ${STOP_BOUND_MS / 1000} s at most)`);
    // Bounded: a part that hangs while stopping never keeps the process (and its ports) alive.
    setTimeout(() => {
      log(`Not stopped within ${STOP_BOUND_MS / 1000} s: exiting.`);
      process.exit(1);
    }, STOP_BOUND_MS).unref();
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

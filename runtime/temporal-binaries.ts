/**
 * Finds or provisions the two Temporal server programs this project runs on one machine:
 * - the Temporal CLI (`temporal server start-dev`) behind `npm start` and the end-to-end tests;
 * - the time-skipping test server behind the workflow tests.
 *
 * Order for each: an explicit path → what is on PATH / in our cache → the SDK's own download →
 * a local build from a package registry (Go module proxy for the CLI, Maven Central for the test
 * server). The last step exists because machines without internet cannot reach the SDK's download
 * host but can reach the registries. Everything is cached outside the repository, so a fresh clone
 * on the same machine (CI) does not build again.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const TEMPORAL_CLI_VERSION = 'v1.5.1'; // later tags carry a `replace` directive and cannot be go-installed
export const TEST_SERVER_VERSION = '1.32.1'; // io.temporal:temporal-test-server on Maven Central

export type Log = (line: string) => void;

export type TestServerExecutable =
  | { type: 'existing-path'; path: string }
  | { type: 'cached-download'; downloadDir: string };

export class ProvisioningError extends Error {}

/** The Temporal CLI binary, built or downloaded once into the cache. */
export async function ensureTemporalCli(opts: { cacheDir: string; explicitPath?: string; log: Log }): Promise<string> {
  const { cacheDir, explicitPath, log } = opts;
  if (explicitPath) {
    if (!isExecutable(explicitPath)) throw new ProvisioningError(`TEMPORAL_CLI_PATH=${explicitPath} is not an executable file`);
    return explicitPath;
  }
  const onPath = which('temporal');
  if (onPath) return onPath;

  const builtDir = path.join(cacheDir, `temporal-cli-${TEMPORAL_CLI_VERSION}`);
  const built = path.join(builtDir, 'temporal');
  if (isExecutable(built)) return built;

  const downloadDir = path.join(cacheDir, 'sdk-download');
  const downloaded = newestExecutable(downloadDir, 'temporal');
  if (downloaded) return downloaded;

  log('Temporal CLI not found: trying the SDK download…');
  const sdkError = await trySdkCliDownload(downloadDir);
  const afterDownload = newestExecutable(downloadDir, 'temporal');
  if (!sdkError && afterDownload) return afterDownload;
  log(`SDK download failed (${firstLine(sdkError)}); building the Temporal CLI ${TEMPORAL_CLI_VERSION} with the Go module proxy.`);

  if (!which('go')) {
    throw new ProvisioningError(
      'Cannot get the Temporal CLI: the download failed and Go is not installed. Install Go 1.23+ (e.g. `apt-get install golang`), ' +
        'or put `temporal` on PATH, or set TEMPORAL_CLI_PATH, or give this machine internet access.',
    );
  }
  const staging = fs.mkdtempSync(path.join(ensureDir(cacheDir), 'cli-build-'));
  await runWithProgress(
    'go',
    ['install', `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`],
    { env: { ...process.env, GOBIN: staging, CGO_ENABLED: '0', GOFLAGS: '-mod=mod' } },
    'Building the Temporal CLI (first time only, a few minutes)',
    log,
  );
  ensureDir(builtDir);
  fs.renameSync(path.join(staging, 'temporal'), built); // atomic: a concurrent build just replaces the same file
  fs.rmSync(staging, { recursive: true, force: true });
  log(`Temporal CLI ready: ${built}`);
  return built;
}

/** The time-skipping test server, as `@temporalio/testing` wants it described. */
export async function ensureTestServer(opts: { cacheDir: string; explicitPath?: string; log: Log }): Promise<TestServerExecutable> {
  const { cacheDir, explicitPath, log } = opts;
  if (explicitPath) {
    if (!isExecutable(explicitPath)) throw new ProvisioningError(`TEMPORAL_TEST_SERVER_PATH=${explicitPath} is not an executable file`);
    return { type: 'existing-path', path: explicitPath };
  }
  const dir = path.join(cacheDir, `temporal-test-server-${TEST_SERVER_VERSION}`);
  const launcher = path.join(dir, 'temporal-test-server');
  if (fs.existsSync(path.join(dir, 'lib'))) {
    writeLauncher(launcher, dir); // cheap, and keeps an older cached launcher's JVM flags current
    return { type: 'existing-path', path: launcher };
  }

  const downloadDir = path.join(cacheDir, 'sdk-download');
  const sdkError = await trySdkTestServerDownload(downloadDir);
  if (!sdkError) return { type: 'cached-download', downloadDir };
  log(`Test server download failed (${firstLine(sdkError)}); fetching io.temporal:temporal-test-server:${TEST_SERVER_VERSION} from Maven Central.`);

  if (!which('java') || !which('mvn')) {
    throw new ProvisioningError(
      'Cannot get the Temporal time-skipping test server: the download failed and Java/Maven are missing. ' +
        'Install them (e.g. `apt-get install openjdk-17-jre-headless maven`), or set TEMPORAL_TEST_SERVER_PATH, or give this machine internet access.',
    );
  }
  const staging = fs.mkdtempSync(path.join(ensureDir(cacheDir), 'test-server-build-'));
  fs.writeFileSync(path.join(staging, 'pom.xml'), testServerPom());
  await runWithProgress(
    'mvn',
    ['-B', '-ntp', 'dependency:copy-dependencies', '-DincludeScope=runtime', `-DoutputDirectory=${path.join(staging, 'lib')}`],
    { cwd: staging },
    'Fetching the Temporal test server from Maven Central (first time only)',
    log,
  );
  fs.rmSync(dir, { recursive: true, force: true });
  fs.renameSync(staging, dir);
  writeLauncher(launcher, dir);
  log(`Temporal test server ready: ${launcher}`);
  return { type: 'existing-path', path: launcher };
}

/**
 * @temporalio/testing starts the executable as `<exe> <port> [extra args]` and gives it 5 s to
 * listen; time skipping is what a time-skipping environment is for, so the launcher turns it on.
 * The JVM flags favour start-up time (the SDK's timeout) over peak speed, which tests never need.
 */
function writeLauncher(launcher: string, dir: string): void {
  const script =
    '#!/bin/sh\n' +
    `exec java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss4m -Xshare:auto -cp "${path.join(dir, 'lib')}/*" ` +
    'io.temporal.testserver.TestServer "$1" --enable-time-skipping\n';
  if (fs.existsSync(launcher) && fs.readFileSync(launcher, 'utf8') === script) return;
  const staging = `${launcher}.${process.pid}`;
  fs.writeFileSync(staging, script, { mode: 0o755 });
  fs.renameSync(staging, launcher);
}

function testServerPom(): string {
  return `<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>local.bosetting</groupId>
  <artifactId>temporal-test-server-launcher</artifactId>
  <version>1</version>
  <dependencies>
    <dependency>
      <groupId>io.temporal</groupId>
      <artifactId>temporal-test-server</artifactId>
      <version>${TEST_SERVER_VERSION}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/** The SDK downloads into `downloadDir` and starts the server; we only want the binary, so stop it again. */
async function trySdkCliDownload(downloadDir: string): Promise<unknown> {
  try {
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createLocal({
      server: { executable: { type: 'cached-download', downloadDir: ensureDir(downloadDir) }, ui: false },
    });
    await env.teardown();
    return undefined;
  } catch (error) {
    return error;
  }
}

async function trySdkTestServerDownload(downloadDir: string): Promise<unknown> {
  try {
    const { TestWorkflowEnvironment } = await import('@temporalio/testing');
    const env = await TestWorkflowEnvironment.createTimeSkipping({
      server: { executable: { type: 'cached-download', downloadDir: ensureDir(downloadDir) } },
    });
    await env.teardown();
    return undefined;
  } catch (error) {
    return error;
  }
}

function runWithProgress(cmd: string, args: string[], options: { env?: NodeJS.ProcessEnv; cwd?: string }, what: string, log: Log): Promise<void> {
  log(`${what}: ${cmd} ${args.join(' ')}`);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let tail = '';
    const onOutput = (chunk: Buffer) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) if (line.trim()) log(`  ${line.trim()}`);
    };
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    const heartbeat = setInterval(() => log(`  …still working (${Math.round((Date.now() - started) / 1000)} s)`), 15_000);
    child.on('error', (error) => {
      clearInterval(heartbeat);
      reject(new ProvisioningError(`${cmd} could not be started: ${error.message}`));
    });
    child.on('close', (code) => {
      clearInterval(heartbeat);
      if (code === 0) resolve();
      else reject(new ProvisioningError(`${cmd} ${args.join(' ')} failed with exit code ${code}:\n${tail}`));
    });
  });
}

function which(name: string): string | undefined {
  const result = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const found = result.stdout.trim();
  return result.status === 0 && found ? found : undefined;
}

function isExecutable(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function newestExecutable(dir: string, prefix: string): string | undefined {
  if (!fs.existsSync(dir)) return undefined;
  return fs
    .readdirSync(dir)
    .filter((name) => name.startsWith(prefix) && !name.includes('test-server'))
    .map((name) => path.join(dir, name))
    .filter(isExecutable)
    .sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs)[0];
}

function ensureDir(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

function firstLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error).split('\n')[0]!.slice(0, 200);
}

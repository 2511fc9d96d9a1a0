import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../temporal.config';

describe('temporal.config', () => {
  it('runs everything embedded when nothing is configured', () => {
    const config = loadConfig({ HOME: '/home/x' }, '/srv/app');
    expect(config.temporal.address).toBe('127.0.0.1:7233');
    expect(config.temporal.devServer).toEqual({ port: 7233, uiPort: 8233, ui: true, dbFile: '/srv/app/data/temporal.sqlite' });
    expect(config.dynamo.embedded).toEqual({ port: 4567, dir: '/srv/app/data/dynamodb' });
    expect(config.api.port).toBe(3000);
    expect(config.binaries.cacheDir).toBe('/home/x/.cache/bosetting');
  });

  it('uses an existing cluster and AWS DynamoDB when they are configured, starting nothing embedded', () => {
    const config = loadConfig({
      TEMPORAL_ADDRESS: 'bosetting.a1b2c.tmprl.cloud:7233',
      TEMPORAL_NAMESPACE: 'bosetting.a1b2c',
      TEMPORAL_API_KEY: 'secret',
      DYNAMODB_REGION: 'eu-north-1',
    });
    expect(config.temporal.devServer).toBeUndefined();
    expect(config.temporal.tls).toBe(true);
    expect(config.temporal.apiKey).toBe('secret');
    expect(config.dynamo.embedded).toBeUndefined();
    expect(config.dynamo.endpoint).toBeUndefined();
  });

  it.each([
    ['PORT', 'abc', /PORT="abc" is not valid/],
    ['TEMPORAL_ADDRESS', 'no-port', /TEMPORAL_ADDRESS="no-port" is not valid: expected host:port/],
    ['DYNAMODB_ENDPOINT', 'not a url', /DYNAMODB_ENDPOINT="not a url" is not valid/],
    ['TEMPORAL_TLS', 'yes', /TEMPORAL_TLS="yes" is not valid/],
  ])('refuses %s=%s with a message naming the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrowError(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrowError(message);
  });

  it('npm start with a wrong value prints one line naming it, not a stack trace', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      env: { ...process.env, PORT: '99999' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^\[bosetting\] PORT="99999" is not valid: expected/)]);
  }, 60_000); // spawns tsx: seconds under a parallel test run
});

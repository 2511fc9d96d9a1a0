/** SMTP_URL / SMTP_FROM: e-mail notifications are configured together, or not at all. */
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../temporal.config';

describe('notification configuration', () => {
  it('without SMTP settings e-mail is off (messages to e-mail recipients are kept for manual sending)', () => {
    expect(loadConfig({}).notifications.smtp).toBeUndefined();
  });

  it('reads SMTP_URL and SMTP_FROM together', () => {
    const config = loadConfig({ SMTP_URL: 'smtp://user:pass@mail.example.no:587', SMTP_FROM: 'Bosetting <bosetting@imdi.example>' });
    expect(config.notifications.smtp).toEqual({ url: 'smtp://user:pass@mail.example.no:587', from: 'Bosetting <bosetting@imdi.example>' });
  });

  it.each([
    [{ SMTP_URL: 'http://mail.example.no' }, /SMTP_URL="http:\/\/mail.example.no" is not valid: expected an smtp:\/\/ or smtps:\/\/ URL/],
    [{ SMTP_URL: 'smtp://mail.example.no' }, /SMTP_FROM must be set with SMTP_URL/],
    [{ SMTP_URL: 'smtp://mail.example.no', SMTP_FROM: 'not an address' }, /SMTP_FROM="not an address" is not valid/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrowError(ConfigError);
    expect(() => loadConfig(env)).toThrowError(message);
  });
});

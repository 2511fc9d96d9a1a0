/**
 * Which webhook addresses the system may call (SSRF): `https` to a public address only. The embedded
 * default (no identity provider configured, see `webhookPolicyFor`) may also call this machine
 * (loopback, also over `http`): the test receivers and a developer's own. Private, link-local (the
 * cloud metadata service 169.254.169.254), CGNAT, unique-local (fd00:ec2::254), multicast, reserved
 * and unspecified ranges are never called. Literal IPs are checked at registration; names are
 * resolved and checked at send time, on the connection itself (webhook.ts), so a name that later
 * resolves elsewhere (DNS rebinding) is refused too.
 */
import net from 'node:net';

export type WebhookPolicy = { allowLoopback: boolean };

/** Production: nothing on this machine. */
export const strictWebhookPolicy: WebhookPolicy = { allowLoopback: false };

/** The embedded default signs its own tokens (no AUTH_JWKS_URL): a developer's machine or a test run. */
export function webhookPolicyFor(auth: { kind: 'secret' | 'jwks' }): WebhookPolicy {
  return { allowLoopback: auth.kind === 'secret' };
}

const refused = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", unspecified
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // CGNAT
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  refused.addSubnet(network, prefix, 'ipv4');
}
refused.addAddress('::', 'ipv6');
refused.addSubnet('fc00::', 7, 'ipv6'); // unique local, incl. fd00:ec2::254
refused.addSubnet('fe80::', 10, 'ipv6'); // link-local
refused.addSubnet('ff00::', 8, 'ipv6'); // multicast
refused.addSubnet('2001:db8::', 32, 'ipv6'); // documentation

const loopback = new net.BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

function family(ip: string): 'ipv4' | 'ipv6' {
  return net.isIPv4(ip) ? 'ipv4' : 'ipv6';
}

/** Whether an address may be called (IPv4-mapped IPv6 addresses count as their IPv4 address). */
export function addressAllowed(ip: string, policy: WebhookPolicy): boolean {
  if (!net.isIP(ip)) return false;
  if (loopback.check(ip, family(ip))) return policy.allowLoopback;
  return !refused.check(ip, family(ip));
}

function isLoopbackName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return name === 'localhost' || name.endsWith('.localhost');
}

/** The reason a directory URL is refused at registration, or undefined when it may be registered. */
export function webhookUrlProblem(url: string, policy: WebhookPolicy): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'must be an https:// URL';
  }
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  const local = net.isIP(host) ? loopback.check(host, family(host)) : isLoopbackName(host);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local && policy.allowLoopback)) {
    return policy.allowLoopback ? 'must be an https:// URL (http:// only to this machine)' : 'must be an https:// URL';
  }
  if (parsed.username || parsed.password) return 'must not carry a user name or password';
  if (local && !policy.allowLoopback) return 'must not point to this machine';
  if (net.isIP(host) && !addressAllowed(host, policy)) return 'must not point to a private, link-local, shared or reserved address';
  return undefined;
}

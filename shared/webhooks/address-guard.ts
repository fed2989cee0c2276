import ipaddr from 'ipaddr.js';

/**
 * Server-side request forgery guard for webhook receivers. In AWS a receiver must be https on a
 * public address: never private, loopback, link-local (which holds the instance metadata service,
 * 169.254.169.254), carrier-grade NAT, unique-local (which holds EC2's IPv6 metadata address,
 * fd00:ec2::254), multicast or reserved space, nor an IPv6 form that wraps an IPv4 address
 * (mapped, 6to4, Teredo, NAT64) unless the address inside passes. The check runs on every
 * address the name resolves to, and the connection is then made to the checked address itself
 * (`pinnedLookup`), so a second DNS answer cannot swap in another (DNS rebinding).
 *
 * The local runtime alone sets WEBHOOKS_ALLOW_LOOPBACK=1: it may then also send plain http to
 * loopback receivers (tests, a developer's listener). Pure apart from the resolver it is given.
 */
export interface AddressPolicy {
  readonly allowLoopback: boolean;
}

export const addressPolicyFrom = (env: NodeJS.ProcessEnv = process.env): AddressPolicy => ({
  allowLoopback: env.WEBHOOKS_ALLOW_LOOPBACK === '1',
});

export type AddressVerdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly reason: string };

/** Whether one resolved address may be connected to. */
export function checkAddress(address: string, policy: AddressPolicy): AddressVerdict {
  if (!ipaddr.isValid(address)) return { allowed: false, reason: `not an IP address: ${address}` };
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // ::ffff:a.b.c.d is a.b.c.d to the kernel: judge what it wraps.
    if (v6.isIPv4MappedAddress()) parsed = v6.toIPv4Address();
  }
  const range = parsed.range();
  if (range === 'unicast') return { allowed: true };
  if (range === 'loopback' && policy.allowLoopback) return { allowed: true };
  return { allowed: false, reason: `${address} is in a ${range} range` };
}

export type TargetVerdict =
  | { readonly allowed: true; readonly url: URL; readonly address: string; readonly family: 4 | 6 }
  | { readonly allowed: false; readonly reason: string };

export type Resolver = (hostname: string) => Promise<readonly { address: string; family: number }[]>;

/**
 * Resolves a receiver URL and checks it: the scheme, then every address the host resolves to (one
 * bad address refuses the whole name: a round-robin answer must not smuggle one in). The
 * verdict's address is where the request must connect.
 */
export async function resolveTarget(
  target: string,
  policy: AddressPolicy,
  resolve: Resolver,
): Promise<TargetVerdict> {
  if (!URL.canParse(target)) return { allowed: false, reason: 'not a URL' };
  const url = new URL(target);
  if (url.username || url.password) return { allowed: false, reason: 'credentials in the URL' };
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && policy.allowLoopback)) {
    return { allowed: false, reason: `${url.protocol} is not allowed (https only)` };
  }
  // URL keeps IPv6 literals in brackets.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const addresses = ipaddr.isValid(host)
    ? [{ address: host, family: ipaddr.parse(host).kind() === 'ipv6' ? 6 : 4 }]
    : await resolve(host).catch(() => []);
  if (addresses.length === 0) return { allowed: false, reason: `${host} does not resolve` };
  for (const { address } of addresses) {
    const verdict = checkAddress(address, policy);
    if (!verdict.allowed) return verdict;
    // Plain http only ever to loopback, and only where the policy allows loopback at all.
    if (url.protocol === 'http:' && ipaddr.process(address).range() !== 'loopback') {
      return { allowed: false, reason: 'http is allowed to loopback receivers only' };
    }
  }
  const first = addresses[0] as { address: string; family: number };
  return { allowed: true, url, address: first.address, family: first.family === 6 ? 6 : 4 };
}

/**
 * A `lookup` for node:http(s) that answers the checked address whatever the name: the socket
 * connects exactly where the guard looked (TLS still checks the certificate against the name).
 */
export function pinnedLookup(address: string, family: 4 | 6) {
  return (
    _hostname: string,
    options: { all?: boolean },
    callback: (
      error: NodeJS.ErrnoException | null,
      address: string | { address: string; family: number }[],
      family?: number,
    ) => void,
  ): void => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
}

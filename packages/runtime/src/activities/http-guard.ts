/**
 * Where the http activity may connect: public addresses, and whatever the allowlist names.
 * A host name is checked by the lookup its connection uses, on every address it resolves to, so
 * the addresses checked are the ones connected to: a name cannot resolve to a public address for
 * the check and to a private one for the connection (DNS rebinding).
 */
import { lookup as resolve, type LookupAddress } from "node:dns";
import { isIP, type LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";
import { Agent } from "undici";
import type { HttpAllowlist, IpAddress } from "./http-allowlist.ts";

/** A destination the http activity may not reach; the message says why. */
export class HttpRefusal extends Error {
  override name = "HttpRefusal";
}

const KIND_OF_RANGE: Record<string, string> = {
  loopback: "a loopback address",
  linkLocal: "a link-local address",
  private: "a private address",
  uniqueLocal: "a private address",
  carrierGradeNat: "a carrier-grade NAT address",
  unspecified: "an unspecified address",
  multicast: "a multicast address",
  broadcast: "a broadcast address",
};

/**
 * What kind of non-public address this is, or null for a public one. Anything but global unicast
 * is refused, including the IPv6 forms that embed an IPv4 address (6to4, NAT64, Teredo);
 * IPv4-mapped IPv6 addresses (::ffff:127.0.0.1) are judged as the IPv4 address they are.
 */
export function nonPublicKind(address: IpAddress): string | null {
  const range = address.range();
  if (range === "unicast") return null;
  return KIND_OF_RANGE[range] ?? `a reserved address (${range})`;
}

export class HttpGuard {
  /** Connects only after the lookup below has checked the addresses it connects to. */
  readonly dispatcher: Agent;

  constructor(private readonly allowlist: HttpAllowlist) {
    this.dispatcher = new Agent({ connect: { lookup: this.lookup } });
  }

  /**
   * Refuses a URL whose host is an IP address that may not be reached. Connections to an IP
   * address skip the lookup, so this is their only check; host names are checked on connecting.
   */
  checkAddressHost(url: URL) {
    const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
    if (isIP(host) === 0) return;
    const kind = this.refusedKind(ipaddr.process(host));
    if (kind) throw new HttpRefusal(`${host} is ${kind}`);
  }

  private refusedKind(address: IpAddress): string | null {
    return this.allowlist.allowsAddress(address) ? null : nonPublicKind(address);
  }

  private readonly lookup: LookupFunction = (hostName, options, callback) => {
    resolve(hostName, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      if (!this.allowlist.allowsName(hostName)) {
        for (const { address } of addresses) {
          const kind = this.refusedKind(ipaddr.process(address));
          if (kind) return callback(new HttpRefusal(`${hostName} resolves to ${address}, ${kind}`), "", 0);
        }
      }
      if (options.all) return callback(null, addresses);
      const [first] = addresses;
      if (!first) return callback(Object.assign(new Error(`${hostName} has no address`), { code: "ENOTFOUND" }), "", 0);
      callback(null, first.address, first.family);
    });
  };
}

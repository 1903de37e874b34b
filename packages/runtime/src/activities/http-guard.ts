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

/** IPv4-compatible IPv6 addresses (RFC 4291, deprecated): the IPv4 address in the last 32 bits. */
const IPV4_COMPATIBLE = ipaddr.parseCIDR("::/96");
/** The well-known NAT64 prefix (RFC 6052); its local-use sibling 64:ff9b:1::/48 is refused outright. */
const NAT64_WELL_KNOWN = ipaddr.parseCIDR("64:ff9b::/96");

/** An IPv6 form that carries IPv4 addresses, named for the refusal message, with the addresses it carries. */
interface Embedded {
  form: string;
  addresses: ipaddr.IPv4[];
}

/**
 * The IPv4 addresses an IPv6 address carries, where a packet to it ends up at (or passes through)
 * that IPv4 host: a tunnel or translator on the way delivers it there. null for other addresses.
 */
function embeddedIpv4(address: ipaddr.IPv6): Embedded | null {
  const bytes = address.toByteArray();
  const ipv4At = (offset: number, invert = false) => new ipaddr.IPv4(bytes.slice(offset, offset + 4).map((byte) => (invert ? byte ^ 0xff : byte)));
  switch (address.range()) {
    // :: and ::1 are in ::/96 too, but ipaddr.js ranks them unspecified and loopback.
    case "unicast":
      return address.match(IPV4_COMPATIBLE) ? { form: "an IPv4-compatible address", addresses: [ipv4At(12)] } : null;
    case "rfc6145":
      return { form: "an IPv4-translated address", addresses: [ipv4At(12)] };
    case "rfc6052":
      return address.match(NAT64_WELL_KNOWN) ? { form: "a NAT64 address", addresses: [ipv4At(12)] } : null;
    case "6to4":
      return { form: "a 6to4 address", addresses: [ipv4At(2)] };
    case "teredo":
      // RFC 4380: the client's address, stored inverted in the last 32 bits, and the server's.
      return { form: "a Teredo address", addresses: [ipv4At(12, true), ipv4At(4)] };
    default:
      return null;
  }
}

/**
 * What kind of non-public address this is, or null for a public one. Anything but global unicast
 * is refused. An IPv6 address that carries an IPv4 address (IPv4-compatible, IPv4-translated,
 * NAT64, 6to4, Teredo) is judged by the IPv4 address it leads to; IPv4-mapped addresses
 * (::ffff:127.0.0.1) reach here as the IPv4 address they are (ipaddr.process).
 */
export function nonPublicKind(address: IpAddress): string | null {
  const embedded = address.kind() === "ipv6" ? embeddedIpv4(address as ipaddr.IPv6) : null;
  if (embedded) {
    for (const ipv4 of embedded.addresses) {
      const kind = nonPublicKind(ipv4);
      if (kind) return `${embedded.form} of ${ipv4}, ${kind}`;
    }
    return null;
  }
  const range = address.range();
  if (range === "unicast") return null;
  if (range === "rfc6052") return "a local-use NAT64 address, which the local network translates as it chooses";
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

/**
 * The hosts the http activity may reach although they are not public (loopback, private,
 * link-local...): named by the worker's configuration, never by a workflow.
 */
import ipaddr from "ipaddr.js";
import { redactCredentials } from "./url-credentials.ts";

export type IpAddress = ipaddr.IPv4 | ipaddr.IPv6;

/** Host names compare without case and without the trailing dot of a fully qualified name. */
export const normalizeHostName = (name: string) => name.toLowerCase().replace(/\.$/, "");

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/;

export class HttpAllowlist {
  private constructor(
    private readonly names: ReadonlySet<string>,
    private readonly ranges: ReadonlyArray<[IpAddress, number]>,
  ) {}

  /** Nothing but public addresses. */
  static readonly NONE = new HttpAllowlist(new Set(), []);

  /** Parses entries like `localhost`, `127.0.0.1`, `::1` or `10.0.0.0/8`; throws on anything else. */
  static parse(entries: readonly string[]): HttpAllowlist {
    const names = new Set<string>();
    const ranges: Array<[IpAddress, number]> = [];
    for (const raw of entries) {
      const entry = raw.trim();
      if (entry === "") continue;
      if (ipaddr.isValidCIDR(entry)) {
        ranges.push(ipaddr.parseCIDR(entry));
      } else if (ipaddr.isValid(entry)) {
        const address = ipaddr.process(entry);
        ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
      } else if (HOST_NAME.test(normalizeHostName(entry))) {
        names.add(normalizeHostName(entry));
      } else {
        throw new Error(`"${redactCredentials(entry)}" is neither a host name, an IP address nor a CIDR range like 10.0.0.0/8`);
      }
    }
    return new HttpAllowlist(names, ranges);
  }

  /** Whether the host name is named, so that whatever it resolves to may be reached. */
  allowsName(hostName: string): boolean {
    return this.names.has(normalizeHostName(hostName));
  }

  allowsAddress(address: IpAddress): boolean {
    return this.ranges.some((range) => range[0].kind() === address.kind() && address.match(range));
  }
}

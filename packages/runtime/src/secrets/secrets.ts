/**
 * Secrets for http steps: encrypted with AES-256-GCM under a key that never enters the database,
 * each bound to the hosts it may be sent to. Values go out only to the http activity, at the
 * moment of sending; no API returns them.
 */
import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import type { Database } from "@flowcraft/db";
import { invalid, notFound } from "../errors.ts";

export const SECRET_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const HOST = /^(\*\.)?[A-Za-z0-9.-]{1,253}$|^\[[0-9A-Fa-f:.]+\]$/;
const MAX_VALUE_BYTES = 16 * 1024;
const FORMAT = "v1";

export interface SecretView {
  name: string;
  hosts: string[];
  updatedBy: string;
  updatedAt: string;
}

export interface ResolvedSecret {
  value: string;
  hosts: readonly string[];
}

export class Secrets {
  /** `key`: 32 bytes, from FLOWCRAFT_SECRETS_KEY or the key file beside the embedded database. */
  constructor(
    private readonly db: Database,
    private readonly key: Buffer,
  ) {
    if (key.length !== 32) throw new Error("the secrets key must be 32 bytes");
  }

  async set(name: string, value: string, hosts: string[], by: string): Promise<SecretView> {
    if (!SECRET_NAME.test(name)) throw invalid("secret name must be 1-64 letters, digits, _ . or -");
    if (value.length === 0 || Buffer.byteLength(value) > MAX_VALUE_BYTES) throw invalid(`secret value must be 1 to ${MAX_VALUE_BYTES} bytes`);
    if (hosts.length === 0) throw invalid("bind the secret to at least one host it may be sent to");
    const bad = hosts.find((host) => !HOST.test(host));
    if (bad !== undefined) throw invalid(`"${bad.slice(0, 100)}" is not a host name (use api.example.com, or *.example.com for its subdomains)`);
    const data = { ciphertext: this.seal(name, value), hosts: [...new Set(hosts.map((host) => host.toLowerCase()))].sort(), updatedBy: by, updatedAt: new Date() };
    const row = await this.db.prisma.secret.upsert({ where: { name }, create: { name, ...data }, update: data });
    return toView(row);
  }

  async list(): Promise<SecretView[]> {
    return (await this.db.prisma.secret.findMany({ orderBy: { name: "asc" } })).map(toView);
  }

  async remove(name: string): Promise<void> {
    const { count } = await this.db.prisma.secret.deleteMany({ where: { name } });
    if (count === 0) throw notFound(`there is no secret "${name.slice(0, 64)}"`);
  }

  /** The value and hosts of a secret, or null when there is none by that name. */
  async resolve(name: string): Promise<ResolvedSecret | null> {
    const row = await this.db.prisma.secret.findUnique({ where: { name } });
    return row ? { value: this.unseal(name, row.ciphertext), hosts: row.hosts } : null;
  }

  /**
   * Encrypts a value bound to `label` (a secret's name, or `webhook:<id>` for a webhook's signing
   * secret: names hold no colon, so the two never meet).
   */
  seal(label: string, value: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    // The label is authenticated too: a ciphertext copied to another name does not decrypt.
    cipher.setAAD(Buffer.from(label));
    const sealed = Buffer.concat([cipher.update(value, "utf8"), cipher.final()]);
    return `${FORMAT}:${Buffer.concat([iv, cipher.getAuthTag(), sealed]).toString("base64")}`;
  }

  /** The value `seal` sealed under the same label. */
  unseal(name: string, stored: string): string {
    const raw = Buffer.from(stored.slice(FORMAT.length + 1), "base64");
    const decipher = createDecipheriv("aes-256-gcm", this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(name));
    decipher.setAuthTag(raw.subarray(12, 28));
    try {
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString("utf8");
    } catch {
      throw new Error(`secret "${name}" does not decrypt with this server's key (was FLOWCRAFT_SECRETS_KEY changed?)`);
    }
  }
}

/** Whether a secret bound to `hosts` may go to `hostname`: exact names, or `*.example.com` for subdomains. */
export function hostAllowed(hosts: readonly string[], hostname: string): boolean {
  const host = hostname.toLowerCase();
  return hosts.some((allowed) => (allowed.startsWith("*.") ? host.endsWith(allowed.slice(1)) : host === allowed));
}

function toView(row: { name: string; hosts: string[]; updatedBy: string; updatedAt: Date }): SecretView {
  return { name: row.name, hosts: row.hosts, updatedBy: row.updatedBy, updatedAt: row.updatedAt.toISOString() };
}

/**
 * The key secrets are encrypted with: FLOWCRAFT_SECRETS_KEY (32 bytes, base64), or else a key file
 * made on first start beside the embedded database. It never enters the database, so a copy of the
 * database alone reveals no secret. Every process of one installation needs the same key.
 */
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export const SECRETS_KEY_FILE = "secrets.key";

export function loadSecretsKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) {
    const key = Buffer.from(configured, "base64");
    if (key.length !== 32) throw new Error("FLOWCRAFT_SECRETS_KEY must be 32 bytes, base64-encoded (e.g. `openssl rand -base64 32`)");
    return key;
  }
  const file = join(dataDir, SECRETS_KEY_FILE);
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    // "wx": never overwrite a key another process wrote first; readable by this user only.
    try {
      writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
    }
  }
  return loadSecretsKey(readFileSync(file, "utf8").trim(), dataDir);
}

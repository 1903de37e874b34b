/** Accounts, sessions and API tokens on a real database. */
import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Accounts, principalOf } from "./accounts.ts";
import { ApiTokens } from "./api-tokens.ts";
import { AuditLog } from "./audit.ts";
import { PERMISSIONS, type Permission, type Role } from "@flowcraft/access";
import { may } from "./roles.ts";
import { Sessions } from "./sessions.ts";

let db: TestDatabase;
let accounts: Accounts;
const PASSWORD = "correct horse battery";

beforeAll(async () => {
  db = await createTestDatabase();
  accounts = new Accounts(db, 4);
}, 60_000);
afterAll(() => db.destroy());

describe("accounts", () => {
  it("makes exactly one owner with every role, even when two set-ups race", async () => {
    expect(await accounts.needsSetup()).toBe(true);
    const results = await Promise.allSettled([
      accounts.setupOwner({ username: "Ada", password: PASSWORD }),
      accounts.setupOwner({ username: "bob", password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((results.find((r) => r.status === "rejected") as PromiseRejectedResult).reason.message).toMatch(/already has its owner/);
    expect(await accounts.needsSetup()).toBe(false);
    const [owner] = await accounts.list();
    expect(owner?.roles).toEqual(["admin", "designer", "operator", "approver"]);
  });

  it("signs in with the right password only, case-insensitively by username, and never when disabled", async () => {
    await accounts.create({ username: "Vera", displayName: "Vera Viewer", password: PASSWORD, roles: [], groups: ["finance"] });
    expect(await accounts.verify("VERA", PASSWORD)).toMatchObject({ username: "vera", displayName: "Vera Viewer", roles: [], groups: ["finance"] });
    expect(await accounts.verify("vera", "wrong password!")).toBeNull();
    expect(await accounts.verify("nobody", PASSWORD)).toBeNull();
    await accounts.update("vera", { disabled: true });
    expect(await accounts.verify("vera", PASSWORD)).toBeNull();
  });

  it("refuses weak passwords, bad names, unknown roles and taken usernames, saying which", async () => {
    await expect(accounts.create({ username: "short", password: "123", roles: [] })).rejects.toThrow(/at least 10 characters/);
    await expect(accounts.create({ username: "x".repeat(20), password: "é".repeat(40), roles: [] })).rejects.toThrow(/at most 72 bytes/);
    await expect(accounts.create({ username: "no spaces", password: PASSWORD, roles: [] })).rejects.toThrow(/username must be/);
    await expect(accounts.create({ username: "root", password: PASSWORD, roles: ["god"] })).rejects.toThrow(/unknown role "god"/);
    await accounts.create({ username: "twin", password: PASSWORD, roles: [] });
    await expect(accounts.create({ username: "TWIN", password: PASSWORD, roles: [] })).rejects.toThrow(/"twin" is taken/);
  });
});

describe("sessions", () => {
  it("finds a session by its cookie secret until it ends, and stores only a digest", async () => {
    const sessions = new Sessions(db);
    const account = await accounts.create({ username: "olga", password: PASSWORD, roles: ["operator"] });
    const grant = await sessions.begin(account);
    expect(await sessions.find(grant.secret)).toEqual({ principal: { kind: "account", name: "olga", roles: ["operator"], groups: [] }, csrfToken: grant.csrfToken });
    const stored = await db.pool.query("SELECT id FROM account_session");
    expect(stored.rows.map((row) => row.id)).not.toContain(grant.secret);
    expect(await sessions.find(`${grant.secret}x`)).toBeNull();
    await sessions.end(grant.secret);
    expect(await sessions.find(grant.secret)).toBeNull();
  });

  it("forgets a session once it has expired or its account is disabled", async () => {
    const sessions = new Sessions(db);
    const account = await accounts.create({ username: "pia", password: PASSWORD, roles: [] });
    const expiring = await sessions.begin(account);
    await db.pool.query("UPDATE account_session SET expires_at = now() - interval '1 second'");
    expect(await sessions.find(expiring.secret)).toBeNull();
    expect(await sessions.sweep()).toBeGreaterThan(0);
    const current = await sessions.begin(account);
    await accounts.update("pia", { disabled: true });
    expect(await sessions.find(current.secret)).toBeNull();
  });

  it("ends an account's sessions when its password is set anew, and signs in only with the new one", async () => {
    const sessions = new Sessions(db);
    const account = await accounts.create({ username: "quinn", password: PASSWORD, roles: [] });
    const before = await sessions.begin(account);
    await accounts.setPassword("quinn", "a brand new passphrase");
    expect(await sessions.find(before.secret)).toBeNull();
    expect(await accounts.verify("quinn", PASSWORD)).toBeNull();
    expect(await accounts.verify("quinn", "a brand new passphrase")).toMatchObject({ username: "quinn" });
  });

  it("keeps the one session it is asked to spare when the password is set anew, and ends the others", async () => {
    const sessions = new Sessions(db);
    const account = await accounts.create({ username: "rosa", password: PASSWORD, roles: [] });
    const kept = await sessions.begin(account);
    const other = await sessions.begin(account);
    await accounts.setPassword("rosa", "a brand new passphrase", { keepSession: kept.secret });
    expect(await sessions.find(kept.secret)).toMatchObject({ principal: { name: "rosa" } });
    expect(await sessions.find(other.secret)).toBeNull();
  });
});

describe("API tokens", () => {
  it("acts with its roles under its own name until revoked", async () => {
    const tokens = new ApiTokens(db);
    const { token, secret } = await tokens.create({ name: "billing system", roles: ["operator"] }, "ada");
    expect(secret).toMatch(/^fc_/);
    expect(token).toMatchObject({ name: "billing system", roles: ["operator"], createdBy: "ada", revoked: false, lastUsedAt: null });
    expect(await tokens.principalOf(secret)).toEqual({ kind: "token", name: "token:billing system", roles: ["operator"], groups: [] });
    expect((await tokens.list())[0]?.lastUsedAt).toEqual(expect.any(String));
    expect(await tokens.principalOf("fc_not-a-token")).toBeNull();
    await tokens.revoke(token.id);
    expect(await tokens.principalOf(secret)).toBeNull();
    await expect(tokens.create({ name: "", roles: [] }, "ada")).rejects.toThrow(/token name/);
  });
});

describe("permissions", () => {
  it("grants each change to its role and to admins, and nothing beyond looking to a viewer", () => {
    const viewer = principalOf({ username: "v", roles: [], groups: [] });
    const admin = principalOf({ username: "a", roles: ["admin"], groups: [] });
    for (const permission of Object.keys(PERMISSIONS) as Permission[]) {
      expect(may(viewer, permission)).toBe(false);
      expect(may(admin, permission)).toBe(true);
      const roles: readonly Role[] = PERMISSIONS[permission];
      const holder = principalOf({ username: "h", roles: [...roles], groups: [] });
      expect(may(holder, permission)).toBe(true);
      if (permission === "administer") continue;
      // Those that take a role the holder lacks.
      const others = (Object.keys(PERMISSIONS) as Permission[]).filter((other) => PERMISSIONS[other].some((role) => !roles.includes(role)));
      for (const other of others) expect(may(holder, other)).toBe(false);
    }
  });
});

describe("audit log", () => {
  it("keeps entries newest first with who, what and on what", async () => {
    const audit = new AuditLog(db);
    await audit.record({ actor: "ada", action: "account.created", target: "vera", details: { roles: [] } });
    await audit.record({ actor: "ada", action: "token.revoked", target: "billing system" });
    expect((await audit.recent(2)).map((entry) => [entry.action, entry.target])).toEqual([
      ["token.revoked", "billing system"],
      ["account.created", "vera"],
    ]);
  });
});

import { createTestDatabase, type TestDatabase } from "@flowcraft/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNT_CHANGES_INTERVAL_MS, AccountChanges } from "./account-changes.ts";
import { Accounts } from "./accounts.ts";

let db: TestDatabase;
let accounts: Accounts;

beforeAll(async () => {
  db = await createTestDatabase();
  accounts = new Accounts(db, 4);
  await accounts.create({ username: "ann", password: "ann's long password", roles: ["approver"] });
  await accounts.create({ username: "bo", password: "bo's long password", roles: ["approver"] });
});

afterAll(() => db.destroy());

describe("account changes", () => {
  it("tells a watcher at once, then when their own roles, groups or disabled state change, not someone else's", async () => {
    const stop = new AbortController();
    const feed = new AccountChanges(db).watch("ann", stop.signal);
    expect((await feed.next()).value).toEqual({ username: "ann" });

    const next = feed.next();
    // The feed's first look has to know the accounts as they were before a change counts as one.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await accounts.update("bo", { groups: ["managers"] });
    const quiet = new Promise((resolve) => setTimeout(resolve, 2 * ACCOUNT_CHANGES_INTERVAL_MS + 500, "quiet"));
    expect(await Promise.race([next, quiet])).toBe("quiet");
    await accounts.update("ann", { groups: ["managers"] });
    expect((await next).value).toEqual({ username: "ann" });

    const afterDisable = feed.next();
    await accounts.update("ann", { disabled: true });
    expect((await afterDisable).value).toEqual({ username: "ann" });
    stop.abort();
    expect((await feed.next()).done).toBe(true);
  }, 20_000);
});

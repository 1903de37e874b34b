/**
 * Accounts: the first-run owner, people added by an admin, and signing in. Usernames are
 * lowercase and are what instance histories record as who acted.
 */
import { randomUUID } from "node:crypto";
import type { Database } from "@flowcraft/db";
import { conflict, invalid, notFound } from "@flowcraft/runtime";
import { hashPassword, passwordMatches, PASSWORD_COST } from "./passwords.ts";
import { isRole, ROLES, USERNAME_PATTERN, USERNAME_WORDS, type Role } from "@flowcraft/access";
import { rolesOf, type Principal } from "./roles.ts";
import { digestOf } from "./secrets.ts";

export interface AccountView {
  id: string;
  username: string;
  displayName: string;
  roles: Role[];
  groups: string[];
  createdAt: string;
  disabled: boolean;
}

export interface NewAccount {
  username: string;
  displayName?: string;
  password: string;
  roles: string[];
  groups?: string[];
}

const GROUP = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** Checked against when a username is unknown, so that a miss takes as long as a wrong password. */
const DECOY_HASH = "$2b$11$w33.r5u6E6HcvUp1VEC6QO08w686KCPNNy6nQOyrThYIckIG2QHg2";

export class Accounts {
  constructor(
    private readonly db: Database,
    /** bcrypt work factor; tests lower it to keep many sign-ins quick. */
    private readonly passwordCost = PASSWORD_COST,
  ) {}

  async needsSetup(): Promise<boolean> {
    return (await this.db.prisma.account.count()) === 0;
  }

  /**
   * Creates the first account, holding every role. Refused once any account exists, even when
   * two set-ups race.
   */
  async setupOwner(input: Omit<NewAccount, "roles">): Promise<AccountView> {
    const account = await this.prepare({ ...input, roles: [...ROLES] });
    const inserted = await this.db.prisma.$transaction(async (tx) => {
      // Without the lock, two set-ups could each see an empty table and both insert.
      await tx.$executeRaw`LOCK TABLE account IN SHARE ROW EXCLUSIVE MODE`;
      return tx.$executeRaw`
        INSERT INTO account (id, username, display_name, password_hash, roles, groups)
        SELECT ${account.id}, ${account.username}, ${account.displayName}, ${account.passwordHash}, ${account.roles}, ${account.groups}
        WHERE NOT EXISTS (SELECT 1 FROM account)`;
    });
    if (inserted === 0) throw conflict("this installation already has its owner; sign in instead");
    return this.get(account.username);
  }

  async create(input: NewAccount): Promise<AccountView> {
    const account = await this.prepare(input);
    try {
      await this.db.prisma.account.create({ data: account });
    } catch (error) {
      if ((error as { code?: string }).code === "P2002") throw conflict(`the username "${account.username}" is taken`);
      throw error;
    }
    return this.get(account.username);
  }

  async list(): Promise<AccountView[]> {
    const rows = await this.db.prisma.account.findMany({ orderBy: { username: "asc" } });
    return rows.map(toView);
  }

  async get(username: string): Promise<AccountView> {
    const row = await this.db.prisma.account.findUnique({ where: { username: username.toLowerCase() } });
    if (!row) throw notFound(`there is no account "${username.slice(0, 64)}"`);
    return toView(row);
  }

  async update(username: string, change: { roles?: string[]; groups?: string[]; displayName?: string; disabled?: boolean }): Promise<AccountView> {
    await this.get(username);
    await this.db.prisma.account.update({
      where: { username: username.toLowerCase() },
      data: {
        ...(change.roles ? { roles: rolesOf(change.roles) } : {}),
        ...(change.groups ? { groups: groupsOf(change.groups) } : {}),
        ...(change.displayName !== undefined ? { displayName: displayNameOf(change.displayName, username) } : {}),
        ...(change.disabled !== undefined ? { disabledAt: change.disabled ? new Date() : null } : {}),
      },
    });
    if (change.disabled) await this.db.prisma.accountSession.deleteMany({ where: { account: { username: username.toLowerCase() } } });
    return this.get(username);
  }

  /**
   * Sets a new password and ends the account's sessions: whoever knew the old one is signed out.
   * `keepSession`, a session cookie's secret, spares that one session: a person changing their
   * own password has just shown they know it, and stays signed in where they did so.
   */
  async setPassword(username: string, password: string, { keepSession }: { keepSession?: string } = {}): Promise<void> {
    await this.get(username);
    const where = { username: username.toLowerCase() };
    const passwordHash = await hashPassword(password, this.passwordCost);
    // Sessions are stored under their cookie secret's digest (sessions.ts).
    const spared = keepSession === undefined ? {} : { id: { not: digestOf(keepSession) } };
    // One transaction: the new password never holds while a session of the old one lives on.
    await this.db.prisma.$transaction([
      this.db.prisma.account.update({ where, data: { passwordHash } }),
      this.db.prisma.accountSession.deleteMany({ where: { account: where, ...spared } }),
    ]);
  }

  /** The account these credentials sign in as, or null; a disabled account never signs in. */
  async verify(username: string, password: string): Promise<AccountView | null> {
    const row = await this.db.prisma.account.findUnique({ where: { username: username.trim().toLowerCase() } });
    const matches = await passwordMatches(password, row?.passwordHash ?? DECOY_HASH);
    return row && matches && !row.disabledAt ? toView(row) : null;
  }

  private async prepare(input: NewAccount) {
    const username = input.username.trim().toLowerCase();
    if (!USERNAME_PATTERN.test(username)) throw invalid(`username must be ${USERNAME_WORDS.replace(/\.$/, "")}`);
    return {
      id: randomUUID(),
      username,
      displayName: displayNameOf(input.displayName ?? "", username),
      passwordHash: await hashPassword(input.password, this.passwordCost),
      roles: rolesOf(input.roles),
      groups: groupsOf(input.groups ?? []),
    };
  }
}

export function principalOf(account: { username: string; roles: readonly string[]; groups: readonly string[] }): Principal {
  return { kind: "account", name: account.username, roles: account.roles.filter(isRole), groups: account.groups };
}

function groupsOf(groups: string[]): string[] {
  const bad = groups.find((group) => !GROUP.test(group));
  if (bad !== undefined) throw invalid(`group "${bad.slice(0, 64)}" must be 1-64 letters, digits, . _ or -`);
  return [...new Set(groups)].sort();
}

function displayNameOf(name: string, username: string): string {
  const trimmed = name.trim();
  if (trimmed.length > 200) throw invalid("display name must be at most 200 characters");
  return trimmed || username;
}

function toView(row: { id: string; username: string; displayName: string; roles: string[]; groups: string[]; createdAt: Date; disabledAt: Date | null }): AccountView {
  return {
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    roles: row.roles.filter(isRole),
    groups: row.groups,
    createdAt: row.createdAt.toISOString(),
    disabled: row.disabledAt !== null,
  };
}

/** The account services one server uses: accounts, sessions, API tokens and the audit log. */
import type { Database } from "@flowcraft/db";
import { Accounts } from "./accounts.ts";
import { ApiTokens } from "./api-tokens.ts";
import { AuditLog } from "./audit.ts";
import { Sessions } from "./sessions.ts";

export interface AccessServices {
  accounts: Accounts;
  sessions: Sessions;
  tokens: ApiTokens;
  audit: AuditLog;
}

/** `passwordCost` lowers bcrypt's work factor for tests, which sign many people in. */
export function accessServices(db: Database, passwordCost?: number): AccessServices {
  return { accounts: new Accounts(db, passwordCost), sessions: new Sessions(db), tokens: new ApiTokens(db), audit: new AuditLog(db) };
}

/** The account services one server uses: accounts, sessions, API tokens and the audit log. */
import type { Database } from "@flowcraft/db";
import type { Logger, Secrets } from "@flowcraft/runtime";
import { ApprovalLinkSigner } from "../approval-links/signed-links.ts";
import { AccountChanges } from "./account-changes.ts";
import { Accounts } from "./accounts.ts";
import { ApiTokens } from "./api-tokens.ts";
import { AuditLog } from "./audit.ts";
import { Sessions } from "./sessions.ts";

export interface AccessServices {
  accounts: Accounts;
  accountChanges: AccountChanges;
  sessions: Sessions;
  tokens: ApiTokens;
  audit: AuditLog;
  linkSigner: ApprovalLinkSigner;
  secrets: Secrets;
}

/** `passwordCost` lowers bcrypt's work factor for tests, which sign many people in; `log` takes a failed look of the account feed. */
export function accessServices(db: Database, secrets: Secrets, passwordCost?: number, log?: Logger): AccessServices {
  return { accounts: new Accounts(db, passwordCost), accountChanges: new AccountChanges(db, log), sessions: new Sessions(db), tokens: new ApiTokens(db), audit: new AuditLog(db), linkSigner: new ApprovalLinkSigner(db), secrets };
}

/** Password hashing with bcrypt (bcryptjs: no native build, so nothing is compiled or downloaded). */
import bcrypt from "bcryptjs";
import { MIN_PASSWORD_LENGTH } from "@flowcraft/access";
import { invalid } from "@flowcraft/runtime";

/** bcrypt's work factor: about a tenth of a second per check on a small server. */
export const PASSWORD_COST = 11;
/** bcrypt reads only the first 72 bytes; a longer password would silently match its prefix. */
const MAX_PASSWORD_BYTES = 72;

export function checkPasswordRules(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) throw invalid(`password must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) throw invalid(`password must be at most ${MAX_PASSWORD_BYTES} bytes long`);
}

export function hashPassword(password: string, cost = PASSWORD_COST): Promise<string> {
  checkPasswordRules(password);
  return bcrypt.hash(password, cost);
}

export function passwordMatches(password: string, hash: string): Promise<boolean> {
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) return Promise.resolve(false);
  return bcrypt.compare(password, hash);
}

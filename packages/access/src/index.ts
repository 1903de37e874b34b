/**
 * @flowcraft/access: who may do what. The roles and what each allows, who may decide an approval,
 * and what makes a valid username and password; pure, so that the server enforces and the web
 * app offers exactly the same.
 */
export { ROLES, PERMISSIONS, ROLE_WORDS, isRole, holds, roleRefusal, rolesWords, type Role, type Permission } from "./roles.ts";
export { deciderRefusal, type ApprovalDeciders, type Decider } from "./deciders.ts";
export { USERNAME_PATTERN, USERNAME_WORDS, MIN_PASSWORD_LENGTH } from "./account-rules.ts";

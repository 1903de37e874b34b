/**
 * What the server accepts as a username and a password (apps/server/src/accounts), checked here
 * too so that a form says what is wrong before sending it.
 */
export const USERNAME_RULE = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const USERNAME_WORDS = "1-64 lowercase letters, digits, . _ or -, starting with a letter or digit.";
export const MIN_PASSWORD_LENGTH = 10;

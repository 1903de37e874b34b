/** What makes a valid username and password: the server refuses others, and forms say so before sending. */
export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const USERNAME_WORDS = "1-64 lowercase letters, digits, . _ or -, starting with a letter or digit.";
export const MIN_PASSWORD_LENGTH = 10;

/**
 * URLs without their user name and password, for messages: an http step's failure goes into
 * history, the instance's failure and the logs, which far more people read than may know a
 * credential.
 */

/** What stands where the user name and password were. */
const REDACTED = "***";

/** `scheme://user:password@` in free text (another library's error, a URL that does not parse); greedy up to the last @ before the host, as URL parsers read it. */
const CREDENTIALS_IN_TEXT = /\b([a-z][a-z0-9+.-]*:\/\/)[^\s/\\?#]*@/gi;

/** Whether the URL holds a user name or a password. */
export function hasCredentials(url: URL): boolean {
  return url.username !== "" || url.password !== "";
}

/** The URL as text, with `user:password@` as `***@`. */
export function redactedUrl(url: URL): string {
  if (!hasCredentials(url)) return url.href;
  const copy = new URL(url.href);
  copy.username = REDACTED;
  copy.password = "";
  return copy.href;
}

/** The text with the credentials of every URL in it as `***`. */
export function redactCredentials(text: string): string {
  return text.replace(CREDENTIALS_IN_TEXT, `$1${REDACTED}@`);
}

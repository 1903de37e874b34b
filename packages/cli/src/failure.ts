/** How a failed command reads on stderr: one clear line (then any problems), and exit code 1. */
import { FlowcraftError, type Problem } from "@flowcraft/client";

/** A failure the command itself found: bad arguments, an unreadable file. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
  }
}

export function problemLine({ nodeId, field, message, path }: Problem): string {
  const where = [nodeId ? `node "${nodeId}"` : null, field ? `field "${field}"` : null].filter(Boolean).join(", ") || path || "definition";
  return `${where}: ${message ?? "invalid"}`;
}

/** The message and problems of any error, as the user should read them. */
export function describeFailure(error: unknown, url?: string): { code: string; message: string; problems: string[] } {
  if (error instanceof CliError) return { code: "invalid", message: error.message, problems: error.problems };
  if (error instanceof FlowcraftError) {
    if (error.status === 401) return { code: error.code, message: `the token was refused by ${url ?? "the server"} (${error.message}); run flowcraft login with a valid token`, problems: [] };
    return { code: error.code, message: error.message, problems: error.problems.map(problemLine) };
  }
  return { code: "internal", message: error instanceof Error ? error.message : String(error), problems: [] };
}

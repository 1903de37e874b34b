/**
 * For tests that hold the OpenAPI document to what the server does: the REST routes a server
 * serves, and the statuses the document lists for the operation a request reaches.
 */
import type { FastifyInstance } from "fastify";

export interface Route {
  method: string;
  /** In OpenAPI's form: `/api/v1/instances/{id}`. */
  path: string;
}

interface Document {
  paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
}

/** Every route under /api/ (and each webhook URL) the server serves, HEAD aside (Fastify adds it to each GET), from Fastify's route tree. */
export function apiRoutesOf(app: FastifyInstance): Route[] {
  const routes: Route[] = [];
  // Each line: tree drawing, a path segment that extends its parent's, and the methods it serves.
  const parents: Array<{ indent: number; path: string }> = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split("\n")) {
    const match = /^([│├└─\s]*)(\S.*?)(?: \(([A-Z, ]+)\))?$/.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    while (parents.length > 0 && parents.at(-1)!.indent >= indent) parents.pop();
    const path = (parents.at(-1)?.path ?? "") + match[2]!;
    parents.push({ indent, path });
    if (!path.startsWith("/api/") && !path.startsWith("/hooks/")) continue;
    for (const method of (match[3] ?? "").split(", ").filter((m) => m !== "" && m !== "HEAD")) {
      routes.push({ method, path: path.replace(/:(\w+)/g, "{$1}") });
    }
  }
  return routes;
}

/** The statuses the document lists for the operation `method` `url` reaches; null when it documents none there. */
export function documentedStatuses(document: Document, method: string, url: string): string[] | null {
  const path = url.split("?")[0]!;
  for (const [template, operations] of Object.entries(document.paths)) {
    // Fastify lets a parameter be empty, as in /api/v1/instances/ (which the handler refuses).
    const pattern = new RegExp(`^${template.replace(/[.]/g, "\\.").replace(/\{\w+\}/g, "[^/]*")}$`);
    const operation = operations[method.toLowerCase()];
    if (pattern.test(path) && operation) return Object.keys(operation.responses);
  }
  return null;
}

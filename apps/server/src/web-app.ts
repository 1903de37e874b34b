/**
 * The built web app, held in memory and sent in one write. The embedded database runs on the
 * server's one thread, and while it reads a long history for an instance page, a file streamed
 * from disk advanced one piece per turn of the event loop: the page's own script arrived after
 * most of the history. Files under `assets/` have their content's hash in their name, so browsers
 * may keep them for good; every other path gets the app's index page (client-side routes), except
 * the API's, which answer 404 when no route of the API serves them.
 */
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

interface WebFile {
  type: string;
  identity: Buffer;
  /** Copies the build wrote next to the file (see apps/web/precompress.ts). */
  encoded: Partial<Record<Encoding, Buffer>>;
}

type Encoding = "br" | "gzip";
/** In the order they are preferred: Brotli is the smaller. */
const ENCODINGS: Array<{ name: Encoding; suffix: string }> = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
];
const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
};
const FOREVER = "public, max-age=31536000, immutable";
/** Paths of the API, never of the app's pages. */
const API_PREFIXES = ["/api/", "/trpc/"];

/** Serves the web app built into `distDir`, which must hold its `index.html`. */
export function serveWebApp(app: FastifyInstance, distDir: string) {
  const files = readWebFiles(distDir);
  const index = files.get("/index.html")!;
  app.get("/*", (request, reply) => {
    const path = request.url.split("?")[0]!;
    // A mistyped API path must not look like success: an HTML page with 200 would.
    if (API_PREFIXES.some((prefix) => path.startsWith(prefix))) return reply.callNotFound();
    const file = files.get(path);
    const watch = file ? null : historyWatchOf(path);
    if (watch) void reply.header("link", `<${watch}>; rel=preload; as=fetch; crossorigin`);
    return send(request, reply, file ?? index, file && path.startsWith("/assets/") ? FOREVER : "no-cache");
  });
}

/**
 * The history stream an instance page opens first (apps/web/src/instance-view/instance-feed.ts),
 * named with the page so that the browser asks for it at once rather than once the page's first
 * script has arrived and run; null for other pages.
 */
export function historyWatchOf(path: string): string | null {
  const segment = /^\/instances\/([^/]+)\/?$/.exec(path)?.[1];
  if (!segment) return null;
  try {
    return `/api/v1/instances/${encodeURIComponent(decodeURIComponent(segment))}/watch?afterSeq=0`;
  } catch {
    return null; // malformed percent-encoding: the page will say the instance is not found
  }
}

function send(request: FastifyRequest, reply: FastifyReply, file: WebFile, cacheControl: string) {
  const encoding = ENCODINGS.find(({ name }) => file.encoded[name] && accepts(request.headers["accept-encoding"], name))?.name;
  void reply.header("content-type", file.type).header("cache-control", cacheControl).header("vary", "accept-encoding");
  if (encoding) void reply.header("content-encoding", encoding);
  return reply.send(encoding ? file.encoded[encoding] : file.identity);
}

/** Whether an `Accept-Encoding` header lists `encoding` without refusing it (`;q=0`). */
export function accepts(header: string | undefined, encoding: Encoding): boolean {
  return (header ?? "").split(",").some((part) => {
    const [name, ...params] = part.split(";").map((piece) => piece.trim().toLowerCase());
    return name === encoding && !params.some((param) => /^q=0(\.0*)?$/.test(param));
  });
}

function readWebFiles(distDir: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  const names = readdirSync(distDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  const paths = new Set(names.map((entry) => join(entry.parentPath, entry.name)));
  for (const path of paths) {
    if (ENCODINGS.some(({ suffix }) => path.endsWith(suffix))) continue;
    const encoded: WebFile["encoded"] = {};
    for (const { name, suffix } of ENCODINGS) if (paths.has(path + suffix)) encoded[name] = readFileSync(path + suffix);
    const url = `/${path.slice(distDir.length).replace(/^[/\\]+/, "").split(/[/\\]/).join("/")}`;
    files.set(url, { type: CONTENT_TYPES[extname(path)] ?? "application/octet-stream", identity: readFileSync(path), encoded });
  }
  return files;
}

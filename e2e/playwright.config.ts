/**
 * Browser tests against the real server. Chromium comes from the system (Debian's `chromium`
 * package, or CHROMIUM_PATH); Playwright never downloads a browser here. The server starts with
 * no accounts: the setup project creates the owner through the first-run page, and every other
 * test runs signed in as them (see tests/auth.setup.ts and tests/fixtures.ts).
 */
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { defineConfig } from "@playwright/test";
import { OWNER_STATE_FILE } from "./tests/test-accounts.ts";

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  throw new Error(`browser tests need Chromium at ${chromium}: install Debian's chromium package or set CHROMIUM_PATH`);
}
const port = Number(process.env.E2E_PORT ?? 3917);
const baseURL = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: "./tests",
  timeout: 60_000,
  workers: 1,
  outputDir: "test-results",
  reporter: [["list"]],
  use: {
    baseURL,
    screenshot: "on",
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromium,
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    },
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts$/ },
    { name: "browser", testMatch: /\.spec\.ts$/, dependencies: ["setup"], use: { storageState: OWNER_STATE_FILE } },
  ],
  webServer: {
    command: "pnpm --filter @flowcraft/server start",
    url: `${baseURL}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    // A fresh embedded database per run, so the tests see exactly the example workflows. The
    // job-monitor test points its http steps at this server, on loopback.
    env: {
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: "",
      FLOWCRAFT_DATA_DIR: mkdtempSync(join(tmpdir(), "flowcraft-e2e-")),
      FLOWCRAFT_HTTP_ALLOW: "127.0.0.1",
    },
  },
});

import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";
import { precompress } from "./precompress.ts";
import { preloadApp } from "./preload-app.ts";

/** Where `pnpm dev` finds the API: the server started with `pnpm start` or `pnpm --filter @flowcraft/server dev`. */
const apiTarget = process.env.FLOWCRAFT_API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react(), preloadApp("/src/mount-app.tsx"), precompress()],
  server: { proxy: { "/api": apiTarget, "/trpc": apiTarget } },
});

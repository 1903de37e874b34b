/**
 * A build step that names the app's main chunk in the page with `<link rel="modulepreload">`: the
 * first script imports it dynamically (so that it can send the page's requests before the app is
 * evaluated), and without the hint the browser would only start fetching it once that script ran.
 */
import type { Plugin } from "vite";

export function preloadApp(entry: string): Plugin {
  return {
    name: "flowcraft-preload-app",
    apply: "build",
    transformIndexHtml: {
      order: "post",
      handler(_html, { bundle }) {
        const chunk = Object.values(bundle ?? {}).find((output) => output.type === "chunk" && output.facadeModuleId?.endsWith(entry));
        if (!chunk) throw new Error(`no chunk for ${entry}: the page would load it late`);
        return [{ tag: "link", attrs: { rel: "modulepreload", crossorigin: true, href: `/${chunk.fileName}` }, injectTo: "head" }];
      },
    },
  };
}

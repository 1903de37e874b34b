/** Served at / when the web app has not been built. */
export const PLACEHOLDER_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Flowcraft</title></head>
<body><h1>Flowcraft</h1>
<p>The API is running. The web app is not built: run <code>pnpm start</code> from the repository root.</p>
<p>API description: <a href="/api/v1/openapi.json">/api/v1/openapi.json</a></p>
</body></html>`;

/**
 * The page's first script, kept small: an instance page's history is the slowest thing it loads,
 * so its watch opens while the rest of the app is still being fetched and evaluated.
 */
import "@xyflow/react/dist/style.css";
import "./styles.css";
import { watchEarly } from "./instance-view/instance-feed.ts";
import { parseRoute } from "./lib/router.ts";

// The app's script is asked for first, so that its request reaches the server before the watch's.
const app = import("./mount-app.tsx");
const route = parseRoute(window.location.pathname);
if (route.page === "instance") watchEarly(route.id);
void app.then(({ mountApp }) => mountApp(document.getElementById("root")!));

/**
 * The page's first script, kept small: the requests the app waits for (who is signed in, and on an
 * instance page its history, the slowest thing it loads) go out while the rest of the app is still
 * being fetched and evaluated.
 */
import "@xyflow/react/dist/style.css";
import "./styles.css";
import { askSessionEarly } from "./auth/auth-requests.ts";
import { watchEarly } from "./instance-view/instance-feed.ts";
import { parseRoute } from "./lib/router.ts";

// The app's script is asked for first, so that its request reaches the server before the watch's.
const app = import("./mount-app.tsx");
askSessionEarly();
const route = parseRoute(window.location.pathname);
if (route.page === "instance") watchEarly(route.id);
void app.then(({ mountApp }) => mountApp(document.getElementById("root")!));

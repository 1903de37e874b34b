/** The web app: one page per route. */
import { DesignerPage } from "./designer/designer-page.tsx";
import { useRoute } from "./lib/router.ts";
import { InstancePage } from "./pages/instance-page.tsx";
import { WorkflowsPage } from "./pages/workflows-page.tsx";

export function App() {
  const route = useRoute();
  switch (route.page) {
    case "workflows":
      return <WorkflowsPage />;
    case "designer":
      return <DesignerPage key={route.name} name={route.name} />;
    case "instance":
      return <InstancePage id={route.id} />;
  }
}

/** The web app: one page per route, each under the shared navigation bar. */
import { useQuery } from "@tanstack/react-query";
import { AdminPage } from "./admin/admin-page.tsx";
import { AccountMenu } from "./auth/account-menu.tsx";
import { useRefusal } from "./auth/permissions.ts";
import { useSessionKeptCurrent } from "./auth/session-refresh.ts";
import { DesignerPage } from "./designer/designer-page.tsx";
import { useLiveInstanceUpdates } from "./instances/live-updates.ts";
import { queryKeys } from "./instances/query-keys.ts";
import { api } from "./lib/api.ts";
import { Link } from "./lib/link.tsx";
import { useRoute, type Route } from "./lib/router.ts";
import { ApprovalsPage } from "./pages/approvals-page.tsx";
import { InstancePage } from "./pages/instance-page.tsx";
import { InstancesPage } from "./pages/instances-page.tsx";
import { WorkflowsPage } from "./pages/workflows-page.tsx";

export function App() {
  const route = useRoute();
  // The designer shows no instances; every other page does, and follows their changes.
  useLiveInstanceUpdates(route.page !== "designer");
  useSessionKeptCurrent();
  // The navigation is the shell's, so that every page, the designer and an instance too, leads everywhere else.
  return (
    <div className={route.page === "designer" ? "app-shell fills-window" : "app-shell"}>
      <AppNav current={route} />
      <RoutePage route={route} />
    </div>
  );
}

function RoutePage({ route }: { route: Route }) {
  switch (route.page) {
    case "workflows":
      return <WorkflowsPage />;
    case "designer":
      return <DesignerPage key={route.name} name={route.name} />;
    case "instances":
      return <InstancesPage />;
    case "instance":
      return <InstancePage id={route.id} />;
    case "approvals":
      return <ApprovalsPage />;
    case "admin":
      return <AdminPage />;
  }
}

/** "page" on the section's own page; "true" on a page within it, which the section's link does not lead to. */
function currentness(section: Route, current: Route): "page" | "true" | undefined {
  if (section.page === current.page) return "page";
  return section.page === sectionOf(current) ? "true" : undefined;
}

/** The section a page belongs to: a workflow's designer is under Workflows, an instance under Instances. */
function sectionOf(route: Route): Route["page"] {
  if (route.page === "designer") return "workflows";
  if (route.page === "instance") return "instances";
  return route.page;
}

const SECTIONS: Array<{ route: Route; label: string }> = [
  { route: { page: "workflows" }, label: "Workflows" },
  { route: { page: "instances" }, label: "Instances" },
  { route: { page: "approvals" }, label: "Approvals" },
  { route: { page: "admin" }, label: "Admin" },
];

/** The bar across every page: where things are, and how many approvals wait for someone. */
function AppNav({ current }: { current: Route }) {
  // One row is enough: the badge shows the count of them all.
  const pending = useQuery({ queryKey: queryKeys.pendingApprovals({ limit: 1 }), queryFn: () => api.approvals.pending.query({ limit: 1 }) });
  const waiting = pending.data?.total ?? 0;
  // Only admins are offered the admin page.
  const sections = useRefusal("administer") ? SECTIONS.filter(({ route }) => route.page !== "admin") : SECTIONS;
  return (
    <header className="app-nav">
      <span className="brand">Flowcraft</span>
      <nav aria-label="Main">
        <ul>
          {sections.map(({ route, label }) => (
            <li key={route.page} aria-current={currentness(route, current)}>
              <Link to={route} data-testid={`nav-${route.page}`}>
                {label}
                {route.page === "approvals" && waiting > 0 && (
                  <span className="badge" data-testid="approvals-badge">
                    {waiting}
                    <span className="visually-hidden"> waiting</span>
                  </span>
                )}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <AccountMenu />
    </header>
  );
}

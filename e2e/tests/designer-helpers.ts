/** What the designer specs share: opening workflows, gestures on the canvas, and reading the document. */
import { expect, test, type Locator, type Page } from "./fixtures.ts";

/**
 * A workflow name for this test: the base name, suffixed when the test runs again in the same
 * server (--repeat-each, retries), since names are taken once created.
 */
export function workflowName(base: string): string {
  const { repeatEachIndex, retry } = test.info();
  return repeatEachIndex === 0 && retry === 0 ? base : `${base}-${repeatEachIndex}-${retry}`;
}

/** Creates an empty workflow from the list page and waits for its designer to be ready. */
export async function createWorkflow(page: Page, name: string) {
  await page.goto("/");
  await page.getByTestId("new-workflow-name").fill(name);
  await page.getByTestId("create-workflow").click();
  await expect(page).toHaveURL(`/workflows/${name}`);
  await expect(page.getByTestId("node-start:")).toBeVisible();
  await expectLaidOut(page);
}

/** Opens a workflow in the designer and waits until its nodes are laid out. */
export async function openWorkflow(page: Page, name: string) {
  await page.goto(`/workflows/${name}`);
  await expect(page.getByTestId("node-start:")).toBeVisible();
  await expectLaidOut(page);
}

/** Waits until the automatic layout has placed every node: the canvas says it is busy until then. */
export async function expectLaidOut(page: Page) {
  await expect(canvas(page).getByRole("application")).toHaveAttribute("aria-busy", "false");
}

export const canvas = (page: Page): Locator => page.getByTestId("canvas");
export const node = (page: Page, id: string): Locator => page.getByTestId(`node-${id}`);
export const handle = (page: Page, id: string, name: string): Locator => page.getByTestId(`handle-${id}-${name}`);
export const field = (page: Page, name: string): Locator => page.getByTestId("inspector").getByTestId(`field-${name}`);

/** Drags a palette item onto the canvas, dropping it at `at` (relative to the canvas's top left corner). */
export async function dropFromPalette(page: Page, kind: string, at: { x: number; y: number }) {
  await page.getByTestId(`palette-${kind}`).dragTo(canvas(page), { targetPosition: at });
}

/**
 * Drags a node on the canvas so that its centre lands at `at` (relative to the canvas's top left
 * corner). Each stage waits for the canvas to show it, since the browser may merge pointer moves
 * that arrive while the page is busy.
 */
export async function dragNode(page: Page, target: Locator, at: { x: number; y: number }) {
  await target.hover();
  const area = await boxOf(canvas(page));
  const from = await boxOf(target);
  await page.mouse.down();
  // The drag begins once the pointer has moved a little, and selects the node.
  await page.mouse.move(from.x + from.width / 2 + 4, from.y + from.height / 2);
  await expect(target.locator("xpath=..")).toHaveClass(/\bselected\b/);
  await page.mouse.move(area.x + at.x, area.y + at.y, { steps: 8 });
  await page.mouse.up();
}

/**
 * Draws an edge: presses on a source handle, drags the connection line to the target handle,
 * and releases once the canvas marks that handle as a valid end of the connection.
 */
export async function connect(page: Page, from: Locator, to: Locator) {
  await from.hover();
  const start = await boxOf(from);
  await page.mouse.down();
  await page.mouse.move(start.x + start.width / 2, start.y + start.height / 2 + 12);
  await expect(canvas(page).locator(".react-flow__connectionline")).toBeVisible();
  const end = await boxOf(to);
  await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 8 });
  await expect(to).toHaveClass(/\bvalid\b/);
  await page.mouse.up();
  await expect(canvas(page).locator(".react-flow__connectionline")).toHaveCount(0);
}

export type Box = { x: number; y: number; width: number; height: number };

export const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Whether `inner` lies within `outer`, give or take a pixel of rounding. */
export const within = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 && inner.y >= outer.y - 1 && inner.x + inner.width <= outer.x + outer.width + 1 && inner.y + inner.height <= outer.y + outer.height + 1;

export async function boxOf(locator: Locator): Promise<Box> {
  const box = await locator.boundingBox();
  if (!box) throw new Error(`${locator} is not on screen`);
  return box;
}

/**
 * Checks that nodes can be seen, all at once: inside the canvas, and not under the minimap or
 * the zoom controls, which float over the canvas and hide whatever is beneath them.
 */
export async function expectInClearView(page: Page, ...ids: string[]) {
  await expectLaidOut(page);
  const area = await boxOf(canvas(page));
  const panels = [await boxOf(canvas(page).getByTestId("rf__minimap")), await boxOf(canvas(page).getByTestId("rf__controls"))];
  const boxes = async () => Promise.all(ids.map((id) => boxOf(node(page, id))));
  const seen = await boxes();
  // Not while the view is still moving.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  expect(await boxes(), "the nodes stay in place").toEqual(seen);
  ids.forEach((id, i) => {
    expect(within(seen[i]!, area), `${id} is inside the canvas`).toBe(true);
    expect(panels.some((panel) => overlaps(panel, seen[i]!)), `${id} is clear of the minimap and the zoom controls`).toBe(false);
  });
}

/** Shows the JSON view (once) and returns it. */
export async function showJson(page: Page): Promise<Locator> {
  const toggle = page.getByTestId("toggle-json");
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
  const view = page.getByTestId("json-view");
  await expect(view).toBeVisible();
  return view;
}

/**
 * The JSON editor's whole text. The editor draws only the lines in view, so its container
 * carries the text in `data-text`.
 */
export async function shownJsonText(page: Page): Promise<string> {
  return (await (await showJson(page)).getAttribute("data-text")) ?? "";
}

/** The definition as the JSON view shows it. */
export async function shownDefinition(page: Page): Promise<Definition> {
  return JSON.parse(await shownJsonText(page)) as Definition;
}

/** The JSON editor's editable text area, for clicking into and typing. */
export const jsonEditor = (page: Page): Locator => page.getByTestId("json-view").locator(".cm-content");

/** The JSON editor's line that contains `text`. */
export const jsonLine = (page: Page, text: string): Locator => jsonEditor(page).locator(".cm-line", { hasText: text });

/** Keeps a screenshot of the page as an artifact of the running test. */
export async function snapshot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

/** The parts of a definition the specs look at. */
export interface Definition {
  start: string;
  nodes: Record<string, DefinitionNode>;
  [key: string]: unknown;
}

export interface DefinitionNode {
  type: string;
  body?: { start: string; nodes: Record<string, DefinitionNode> };
  branches?: { start: string; nodes: Record<string, DefinitionNode> }[];
  [key: string]: unknown;
}

/**
 * Every canvas id a definition should draw, with the canvas id of the container it is drawn in
 * (null at the top level): each graph's start marker ("start:<graph>"), each node, and a frame
 * ("branch:<parallel>#<i>") around each branch of a parallel node.
 */
export function canvasNodesOf(definition: Definition): Map<string, string | null> {
  const drawn = new Map<string, string | null>();
  const visit = (graph: { nodes: Record<string, DefinitionNode> }, key: string, parent: string | null) => {
    drawn.set(`start:${key}`, parent);
    for (const [id, child] of Object.entries(graph.nodes)) {
      drawn.set(id, parent);
      if (child.body) visit(child.body, id, id);
      child.branches?.forEach((branch, i) => {
        const frame = `branch:${id}#${i}`;
        drawn.set(frame, id);
        visit(branch, `${id}#${i}`, frame);
      });
    }
  };
  visit(definition, "", null);
  return drawn;
}

/** The edges a definition should draw, as the canvas names them: "Edge from <source> to <target>". */
export function canvasEdgesOf(definition: Definition): string[] {
  const edges: string[] = [];
  const visit = (graph: { start: string; nodes: Record<string, DefinitionNode> }, key: string) => {
    const here = (id: unknown): id is string => typeof id === "string" && Object.hasOwn(graph.nodes, id);
    if (here(graph.start)) edges.push(`Edge from start:${key} to ${graph.start}`);
    for (const [id, child] of Object.entries(graph.nodes)) {
      const choices = (child.choices ?? []) as { next?: string }[];
      const onError = child.onError as { next?: string } | undefined;
      for (const target of [child.next, onError?.next, child.onTimeout, child.default, ...choices.map((c) => c.next)]) {
        if (here(target)) edges.push(`Edge from ${id} to ${target}`);
      }
      if (child.body) visit(child.body, id);
      child.branches?.forEach((branch, i) => visit(branch, `${id}#${i}`));
    }
  };
  visit(definition, "");
  return edges.sort();
}

/**
 * Checks, retrying until it holds, that the canvas draws exactly what the JSON view says: every
 * node with its title (its id when untitled), and every edge.
 */
export async function expectCanvasShowsDocument(page: Page) {
  await expect(async () => {
    const definition = await shownDefinition(page);
    const titles: Record<string, string> = {};
    for (const id of canvasNodesOf(definition).keys()) titles[id] = id.startsWith("start:") ? "Start" : id;
    const visitTitles = (graph: { nodes: Record<string, DefinitionNode> }) => {
      for (const [id, child] of Object.entries(graph.nodes)) {
        if (typeof child.title === "string" && child.title !== "") titles[id] = child.title;
        if (child.body) visitTitles(child.body);
        child.branches?.forEach((branch, i) => {
          titles[`branch:${id}#${i}`] = `Branch ${i + 1}`;
          visitTitles(branch);
        });
      }
    };
    visitTitles(definition);
    const drawn = await canvas(page)
      .locator(".react-flow__node > [data-testid^='node-']")
      .evaluateAll((elements) =>
        Object.fromEntries(
          elements.map((element) => [
            element.getAttribute("data-testid")!.slice("node-".length),
            element.querySelector(".step-title")?.textContent ?? element.textContent ?? "",
          ]),
        ),
      );
    expect(drawn).toEqual(titles);
    const edges = await canvas(page)
      .locator("[aria-roledescription='edge']")
      .evaluateAll((elements) => elements.map((element) => element.getAttribute("aria-label") ?? ""));
    expect(edges.sort()).toEqual(canvasEdgesOf(definition));
  }).toPass({ timeout: 5_000 });
}

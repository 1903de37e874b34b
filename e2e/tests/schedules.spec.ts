/**
 * Schedules from the designer: a schedule made in its panel previews its next runs in its own time
 * zone as the cron is typed, and lists the runs it starts, each of which names it.
 */
import { expect, test } from "./fixtures.ts";
import { openWorkflow, workflowName } from "./designer-helpers.ts";

test.use({ viewport: { width: 1440, height: 900 } });

const echo = { version: 1, start: "done", nodes: { done: { type: "end", output: "input" } } };

test("a schedule made in the designer shows its next runs and a run it started", async ({ page, request }) => {
  const name = workflowName("scheduled-echo");
  expect((await request.put(`/api/v1/workflows/${name}`, { data: echo })).status()).toBe(201);
  try {
    await openWorkflow(page, name);
    await page.getByTestId("toggle-schedules").click();
    const panel = page.getByTestId("schedules");
    await expect(panel).toContainText("No schedules");
    await panel.getByTestId("schedule-new").click();

    // Previewed in the schedule's zone as it is typed, and refused in words while it is wrong.
    await panel.getByTestId("schedule-zone").fill("America/New_York");
    await panel.getByTestId("schedule-cron").fill("0 30 2 * * *");
    const preview = panel.getByTestId("schedule-preview");
    await expect(preview.getByRole("listitem")).toHaveCount(5);
    await expect(preview.getByRole("listitem").first()).toContainText("2:30:00 AM");
    await panel.getByTestId("schedule-cron").fill("61 * * * *");
    await expect(preview).toContainText("minute");
    await expect(panel.getByTestId("confirm-action")).toBeDisabled();

    await panel.getByTestId("schedule-mode-interval").check();
    await panel.getByTestId("schedule-every").fill("2");
    await panel.getByLabel("Unit").selectOption("seconds");
    await panel.getByTestId("schedule-input").fill('{"from": "a schedule"}');
    await expect(preview.getByRole("listitem")).toHaveCount(5);
    await panel.getByTestId("confirm-action").click();

    const schedule = panel.locator("li.schedule");
    await expect(schedule).toHaveCount(1);
    await expect(schedule).toContainText("every 2 seconds");
    await expect(schedule.getByTestId("next-runs").getByRole("listitem")).toHaveCount(5);
    const run = schedule.getByTestId("recent-runs").getByRole("link").first();
    await expect(run).toBeVisible({ timeout: 15_000 });

    // Paused, it has no runs ahead; Trigger now still starts one.
    await schedule.getByTestId("schedule-pause").click();
    await expect(schedule).toContainText("paused");
    await expect(schedule).toContainText("No runs ahead");
    // Newest first: the run started now goes on top.
    // Told apart by the run's id: a run triggered in the second the schedule last fired shows the same time.
    const newest = await run.getAttribute("href");
    await schedule.getByTestId("schedule-trigger").click();
    await expect(run).not.toHaveAttribute("href", newest!);
    await expect(schedule.getByTestId("schedule-resume")).toBeVisible();

    await run.click();
    await expect(page).toHaveURL(new RegExp(`/instances/${name}-`));
    await expect(page.getByTestId("instance-status")).toHaveText("COMPLETED");
    await expect(page.getByTestId("instance-schedule")).toContainText(`${name}-`);
    await expect(page.getByTestId("instance-output")).toContainText("a schedule");
  } finally {
    // A schedule every two seconds would go on starting runs for the rest of the suite.
    const { schedules } = (await (await request.get(`/api/v1/workflows/${name}/schedules`)).json()) as { schedules: Array<{ id: string }> };
    for (const { id } of schedules) await request.delete(`/api/v1/schedules/${id}`);
  }
});

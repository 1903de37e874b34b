/** Replay-corpus scenarios of the seeded example workflows, each as published on first start. */
import { readdirSync, readFileSync } from "node:fs";
import type { Scenario } from "./recorder.ts";
import { startStatusServer } from "./status-server.ts";

const EXAMPLES_DIR = new URL("../../../../apps/server/src/examples/", import.meta.url);

/** The seeded examples, by file name without ".json". */
export const EXAMPLE_NAMES = readdirSync(EXAMPLES_DIR)
  .filter((file) => file.endsWith(".json"))
  .map((file) => file.slice(0, -".json".length));

const example = (name: string): unknown => JSON.parse(readFileSync(new URL(`${name}.json`, EXAMPLES_DIR), "utf8"));

const order = { product: "laptop", quantity: 3, cost: 4500 };

export const EXAMPLE_SCENARIOS: Array<Scenario & { example: string }> = [
  {
    example: "task-chain",
    name: "task-chain",
    description: "The task-chain example: a group of three activities, each taking the previous output, completes with all three.",
    definition: example("task-chain"),
    run: (r) => r.start("task-chain", 1),
  },
  {
    example: "task-chain",
    name: "task-chain-failure",
    description: "The task-chain example with an input its first step refuses: the group's onError runs the error handler, then a fail node fails the instance with the caught error.",
    definition: example("task-chain"),
    run: (r) => r.start("task-chain-failure", "not a number"),
  },
  {
    example: "fan-out-fan-in",
    name: "fan-out-fan-in",
    description: "The fan-out-fan-in example over 7 items with maxConcurrency 5: the map's items are recorded, iterations start as others finish, the map sets a custom status, and the outputs are summed.",
    definition: example("fan-out-fan-in"),
    run: (r) => r.start("fan-out-fan-in", 7),
  },
  {
    example: "purchase-order-approval",
    name: "purchase-order-auto-approved",
    description: "The purchase-order example under the cost limit: the decision's branch is recorded and the order is approved without a wait.",
    definition: example("purchase-order-approval"),
    run: (r) => r.start("purchase-order-auto-approved", { product: "paper", quantity: 10, cost: 50 }),
  },
  {
    example: "purchase-order-approval",
    name: "purchase-order-approved",
    description: "The purchase-order example over the cost limit: a manager's approval, addressed to the wait, is taken and the order placed.",
    definition: example("purchase-order-approval"),
    run: async (r) => {
      const id = await r.start("purchase-order-approved", order, "sam");
      await r.untilWaiting(id, "approval");
      await r.decide(id, "approval", "approved", "maria", "within budget");
      return id;
    },
  },
  {
    example: "purchase-order-approval",
    name: "purchase-order-rejected",
    description: "The purchase-order example over the cost limit: a manager rejects it, and the decision after the wait takes the rejected branch.",
    definition: example("purchase-order-approval"),
    run: async (r) => {
      const id = await r.start("purchase-order-rejected", order, "sam");
      await r.untilWaiting(id, "approval");
      await r.decide(id, "approval", "rejected", "maria", "no budget left");
      return id;
    },
  },
  {
    example: "purchase-order-approval",
    name: "purchase-order-timed-out",
    description: "The purchase-order example where nobody decides: the approval's timeout timer fires and onTimeout cancels the order.",
    definition: example("purchase-order-approval"),
    run: (r) => r.start("purchase-order-timed-out", { ...order, approvalTimeoutSeconds: 1 }, "sam"),
  },
  {
    example: "job-monitor",
    name: "job-monitor",
    description:
      "The job-monitor example over four checks, one generation each (continue-as-new): healthy, unhealthy (one alert), an HTTP 500 retried with backoff then unhealthy again (no second alert), healthy; the fourth check stops the monitor.",
    definition: example("job-monitor"),
    run: async (r) => {
      const server = await startStatusServer(["healthy", "unhealthy", 500, "unhealthy", "healthy"]);
      try {
        const id = await r.start("job-monitor", {
          jobId: "nightly-export",
          statusUrl: `${server.base}/status`,
          alertUrl: `${server.base}/alerts`,
          maxChecks: 4,
          healthyIntervalSeconds: 0.2,
          unhealthyIntervalSeconds: 0.1,
        });
        await r.ended(id);
        return id;
      } finally {
        await server.close();
      }
    },
  },
  {
    example: "async-http",
    name: "async-http",
    description: "The async-http example: a validated order sets a custom status, a timer stands for the long-running work, and processing sets another.",
    definition: example("async-http"),
    run: (r) => r.start("async-http", { Name: "order-42", ProcessingSeconds: 0.2 }),
  },
];

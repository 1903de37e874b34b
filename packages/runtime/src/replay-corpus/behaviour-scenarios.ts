/**
 * Replay-corpus scenarios beyond the examples: each node kind, retries, timeouts, error paths,
 * early and carried events, an operator's suspend and resume, and sub-workflows.
 */
import type { ActivityFunction } from "../sdk.ts";
import type { Scenario } from "./recorder.ts";

/**
 * Never settles, and ignores its signal as an unresponsive call would: the attempt ends when its
 * timeout passes. (One that rejected on the abort would be recorded with its own error instead.)
 */
const hang = () => new Promise<never>(() => {});

/** The scenarios' activities; all deterministic but for the attempts that are meant to time out. */
export const BEHAVIOUR_ACTIVITIES: Record<string, ActivityFunction> = {
  echo: (input) => input,
  double: (input) => (input as number) * 2,
  flaky: (input, { attempt }) => {
    if (attempt < 3) throw new Error(`attempt ${attempt}: the booking service is busy`);
    return { booked: input, attempt };
  },
  broken: () => {
    throw new Error("the warehouse refused the request");
  },
  slow: (input, { attempt }) => (attempt === 1 ? hang() : { fetched: input, attempt }),
  stuck: () => hang(),
};

export const BEHAVIOUR_SCENARIOS: Scenario[] = [
  {
    name: "retries-and-compensation",
    description:
      "An activity fails twice and succeeds on its third attempt (backoff 0.1 s, then 0.3 s capped at 0.2 s); the next one fails every attempt, and its onError, limited to ActivityFailed, runs a compensation that reads the error.",
    definition: {
      version: 1,
      start: "book",
      nodes: {
        book: { type: "activity", activity: "flaky", input: "input", retry: { maxAttempts: 4, firstInterval: 0.1, backoffCoefficient: 3, maxInterval: 0.2 }, next: "ship" },
        ship: { type: "activity", activity: "broken", input: "steps.book", retry: { maxAttempts: 2, firstInterval: 0.1 }, onError: { errors: ["ActivityFailed"], next: "refund" } },
        refund: { type: "activity", activity: "echo", input: "{'refund': steps.book, 'because': error.message}", next: "refunded" },
        refunded: { type: "end", output: "'refunded after ' & $string(error.attempts) & ' attempts'" },
      },
    },
    run: (r) => r.start("retries-and-compensation", "room 12"),
  },
  {
    name: "activity-timeouts",
    description:
      "An activity's first attempt outlasts its 0.5 s timeout (ActivityTimeout) and its retry succeeds; the next activity times out without retries, and an onError for ActivityTimeout ends the instance with the error's message.",
    definition: {
      version: 1,
      start: "fetch",
      nodes: {
        fetch: { type: "activity", activity: "slow", input: "input", timeout: 0.5, retry: { maxAttempts: 2, firstInterval: 0.1 }, next: "poll" },
        poll: { type: "activity", activity: "stuck", input: "steps.fetch", timeout: 0.5, onError: { errors: ["ActivityTimeout"], next: "gaveUp" } },
        gaveUp: { type: "end", output: "'gave up: ' & error.message" },
      },
    },
    run: (r) => r.start("activity-timeouts", "report.csv"),
  },
  {
    name: "early-events",
    description:
      "Two events are raised while a timer runs, before either wait begins, the second wait's first: each wait takes its own at once when it starts (the one with a timeout sets its timer all the same).",
    definition: {
      version: 1,
      start: "pause",
      nodes: {
        pause: { type: "timer", duration: 1, next: "first" },
        first: { type: "wait", event: "go", next: "second" },
        second: { type: "wait", event: "details", timeout: 60, next: "done" },
        done: { type: "end", output: "{'go': steps.first, 'details': steps.second}" },
      },
    },
    run: async (r) => {
      const id = await r.start("early-events", null);
      await r.until(id, "the timer", (e) => e.type === "timer_created" && e.timerId === "pause");
      await r.raise(id, "details", { size: "L" });
      await r.raise(id, "go", { by: "ops" });
      return id;
    },
  },
  {
    name: "parallel-branches",
    description:
      "A parallel of three branches: an activity then a timer; a wait for an event; a group holding an activity and a decision between two end nodes (whose outputs are recorded). The join sets a custom status.",
    definition: {
      version: 1,
      start: "fork",
      nodes: {
        fork: {
          type: "parallel",
          branches: [
            { start: "fetch", nodes: { fetch: { type: "activity", activity: "double", input: "input", next: "nap" }, nap: { type: "timer", duration: 0.2 } } },
            { start: "signal", nodes: { signal: { type: "wait", event: "go", next: "signalled" }, signalled: { type: "end", output: "'signalled by ' & steps.signal.by" } } },
            {
              start: "check",
              nodes: {
                check: {
                  type: "group",
                  body: {
                    start: "size",
                    nodes: {
                      size: { type: "activity", activity: "double", input: "input + 1", next: "route" },
                      route: { type: "decision", choices: [{ when: "steps.size > 10", next: "big", label: "big" }], default: "small" },
                      big: { type: "end", output: "'big: ' & $string(steps.size)" },
                      small: { type: "end", output: "'small'" },
                    },
                  },
                },
              },
            },
          ],
          customStatus: "'joined ' & $string($count(steps.fork)) & ' branches'",
          next: "summary",
        },
        summary: { type: "end", output: "steps.fork" },
      },
    },
    run: async (r) => {
      const id = await r.start("parallel-branches", 6);
      await r.untilWaiting(id, "signal");
      await r.raise(id, "go", { by: "ops" });
      return id;
    },
  },
  {
    name: "parallel-failure-compensation",
    description: "One branch of a parallel fails; the parallel's onError releases what the other reserved, and a fail node fails the instance with its own error name and message.",
    definition: {
      version: 1,
      start: "reserve",
      nodes: {
        reserve: {
          type: "parallel",
          branches: [
            { start: "seat", nodes: { seat: { type: "activity", activity: "echo", input: "'seat ' & input" } } },
            { start: "meal", nodes: { meal: { type: "activity", activity: "broken", input: "input" } } },
          ],
          onError: { next: "release" },
        },
        release: { type: "activity", activity: "echo", input: "{'released': input, 'error': error}", next: "failed" },
        failed: { type: "fail", error: "ReservationFailed", message: "'could not reserve ' & input & ': ' & error.message" },
      },
    },
    run: (r) => r.start("parallel-failure-compensation", "12A"),
  },
  {
    name: "monitor-carried-events",
    description:
      "A monitor of three checks, one generation each: every check waits for a ping. The second and third pings arrive during the interval before their check, so continue-as-new carries them into the next generation, whose wait takes them at once.",
    definition: {
      version: 1,
      start: "poll",
      nodes: {
        poll: {
          type: "monitor",
          state: "{'pings': 0}",
          body: {
            start: "ping",
            nodes: {
              ping: { type: "wait", event: "ping", next: "log" },
              log: { type: "activity", activity: "echo", input: "{'iteration': iteration, 'ping': steps.ping, 'pings': state.pings}" },
            },
          },
          nextState: "{'pings': state.pings + 1}",
          maxIterations: 3,
          interval: 1,
          next: "done",
        },
        done: { type: "end", output: "'pinged ' & $string(steps.poll.pings) & ' times'" },
      },
    },
    run: async (r) => {
      const id = await r.start("monitor-carried-events", null);
      await r.untilWaiting(id, "ping");
      await r.raise(id, "ping", 1);
      for (const generation of [1, 2]) {
        await r.until(id, `the interval of generation ${generation}`, (e) => e.type === "timer_created" && e.timerId === "poll:interval" && e.generation === generation);
        await r.raise(id, "ping", generation + 1);
      }
      return id;
    },
  },
  {
    name: "suspend-resume",
    description: "An operator suspends an instance that waits; the event raised meanwhile is recorded but not taken until the instance is resumed.",
    definition: {
      version: 1,
      start: "gate",
      nodes: {
        gate: { type: "wait", event: "go", next: "after" },
        after: { type: "activity", activity: "echo", input: "steps.gate", next: "done" },
        done: { type: "end" },
      },
    },
    run: async (r) => {
      const id = await r.start("suspend-resume", null);
      await r.untilWaiting(id, "gate");
      await r.suspend(id);
      await r.until(id, "the suspension", (e) => e.type === "suspended");
      await r.raise(id, "go", { n: 1 });
      await r.until(id, "the raised event", (e) => e.type === "event_raised");
      await r.resume(id);
      return id;
    },
  },
  {
    name: "sub-workflows",
    description:
      "A map runs a child workflow for each of three items, two at a time; the child for 2 fails, is retried with a new child after 0.1 s and fails again, and the step's onError gives a fallback. Then a child is started without waiting: the step takes its instance id.",
    subworkflows: {
      "sub-workflows-child": {
        version: 1,
        start: "check",
        nodes: {
          check: { type: "decision", choices: [{ when: "input = 2", next: "refuse" }], default: "ok" },
          refuse: { type: "fail", error: "Refused", message: "'refused ' & $string(input)" },
          ok: { type: "end", output: "input * 10" },
        },
      },
    },
    definition: {
      version: 1,
      start: "each",
      nodes: {
        each: {
          type: "map",
          items: "input",
          maxConcurrency: 2,
          body: {
            start: "call",
            nodes: {
              call: { type: "subworkflow", workflow: "sub-workflows-child", input: "item", retry: { maxAttempts: 2, firstInterval: 0.1 }, onError: { next: "fallback" } },
              fallback: { type: "end", output: "'gave up on ' & $string(item) & ': ' & error.message" },
            },
          },
          next: "spawn",
        },
        spawn: { type: "subworkflow", workflow: "sub-workflows-child", version: 1, input: "1", wait: false, onParentEnd: "continue", next: "done" },
        done: { type: "end", output: "{'results': steps.each, 'spawned': $type(steps.spawn)}" },
      },
    },
    run: (r) => r.start("sub-workflows", [1, 2, 3]),
  },
];

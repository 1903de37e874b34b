/** The activities the example workflows call; the server's worker registers them. */
import { ActivityError, ActivityRegistry, type ActivityFunction } from "@flowcraft/runtime";
import type { Json } from "@flowcraft/engine";

const numberFrom = (input: Json, step: string): number => {
  if (typeof input !== "number" || !Number.isFinite(input)) {
    throw new ActivityError(`${step} expects a number, got ${JSON.stringify(input)}`, "InvalidInput");
  }
  return input;
};

const objectFrom = (input: Json, step: string): Record<string, Json> => {
  if (input === null || typeof input !== "object" || Array.isArray(input)) {
    throw new ActivityError(`${step} expects an object, got ${JSON.stringify(input)}`, "InvalidInput");
  }
  return input;
};

/** Largest batch get_work_batch makes: a fan-out this wide is a typo, not a workload. */
const MAX_WORK_BATCH = 10_000;

/** The example activities by name; `overrides` lets tests wrap one. */
export function exampleActivities(overrides: Record<string, ActivityFunction> = {}): Record<string, ActivityFunction> {
  return {
    add_one: (input) => numberFrom(input, "add_one") + 1,
    multiply_by_two: (input) => numberFrom(input, "multiply_by_two") * 2,
    square: (input) => numberFrom(input, "square") ** 2,
    error_handler: (input) => {
      console.log(`error handler: ${JSON.stringify(input)}`);
      return null;
    },
    get_work_batch: (input) => {
      const size = numberFrom(input, "get_work_batch");
      if (!Number.isInteger(size) || size < 0 || size > MAX_WORK_BATCH) {
        throw new ActivityError(`get_work_batch expects a whole number from 0 to ${MAX_WORK_BATCH}, got ${size}`, "InvalidInput");
      }
      return Array.from({ length: size }, (_, i) => i + 1);
    },
    process_work_item: (input) => numberFrom(input, "process_work_item") * 2,
    process_results: (input) => numberFrom(input, "process_results"),
    send_approval_request: (input) => {
      const order = objectFrom(input, "send_approval_request");
      console.log(`approval requested for ${JSON.stringify(order.product)} (${JSON.stringify(order.quantity)}), cost ${JSON.stringify(order.cost)}`);
      return null;
    },
    place_order: (input) => {
      const order = objectFrom(input, "place_order");
      console.log(`order placed: ${JSON.stringify(order.product)} (${JSON.stringify(order.quantity)})`);
      return null;
    },
    validate_order: (input) => objectFrom(input, "validate_order"),
    process_order: (input) => ({ Processed: true, Name: objectFrom(input, "process_order").Name ?? null }),
    ...overrides,
  };
}

export function exampleRegistry(overrides: Record<string, ActivityFunction> = {}): ActivityRegistry {
  const registry = new ActivityRegistry();
  for (const [name, fn] of Object.entries(exampleActivities(overrides))) registry.register(name, fn);
  return registry;
}

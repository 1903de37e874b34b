/** A registry with the built-in activities, ready for a worker. */
import { http } from "./activities/http.ts";
import { transform } from "./activities/transform.ts";
import { ActivityRegistry } from "./sdk.ts";

export function createRegistry(): ActivityRegistry {
  return new ActivityRegistry().register("http", http).register("transform", transform);
}

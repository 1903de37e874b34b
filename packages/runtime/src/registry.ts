/** A registry with the built-in activities, ready for a worker. */
import { HttpAllowlist } from "./activities/http-allowlist.ts";
import { createHttpActivity } from "./activities/http.ts";
import { transform } from "./activities/transform.ts";
import type { SecretSource } from "./secrets/placeholders.ts";
import { ActivityRegistry } from "./sdk.ts";

export interface BuiltInOptions {
  /**
   * Host names, IP addresses and CIDR ranges (`localhost`, `10.0.0.5`, `10.0.0.0/8`) that the
   * `http` activity may reach although they are not public. By default it reaches public
   * addresses only.
   */
  httpAllow?: readonly string[];
  /** Where `{{secret:<name>}}` in http steps comes from; without it, such steps fail saying so. */
  secrets?: SecretSource;
}

export function createRegistry(options: BuiltInOptions = {}): ActivityRegistry {
  return new ActivityRegistry().register("http", createHttpActivity(HttpAllowlist.parse(options.httpAllow ?? []), options.secrets)).register("transform", transform);
}

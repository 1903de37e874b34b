/** What a sandbox process and its parent say to each other over the IPC channel. */
import type { Json } from "@flowcraft/engine";

export interface SandboxRequest {
  id: number;
  expression: string;
  context: Record<string, unknown>;
}

export type SandboxReply =
  | { ready: true }
  | { id: number; value: Json }
  /** `limit`: a limit of time (the engine's own budget), which fails the instance rather than the step. */
  | { id: number; error: { message: string; limit: boolean } };

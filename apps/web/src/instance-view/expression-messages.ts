/** What the page and its expression worker say to each other. */
import type { Json } from "@flowcraft/engine";

export interface ExpressionRequest {
  id: number;
  expression: string;
  context: Record<string, unknown>;
}

export type ExpressionReply =
  | { id: number; value: Json }
  /** `limit`: the engine's own time budget, which the engine treats apart from other failures. */
  | { id: number; error: { message: string; limit: boolean } };

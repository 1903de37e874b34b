/** What a sandbox process and its parent say to each other over the IPC channel: evaluations, and that it is ready. */
import type { EvaluationReply } from "@flowcraft/engine";

export type SandboxReply = { ready: true } | EvaluationReply;

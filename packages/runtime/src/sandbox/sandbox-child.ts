/**
 * The program of a sandbox process: evaluates the expressions its parent sends, one at a time, and answers each.
 * The parent bounds it from outside (a heap limit, a deadline after which it is killed), so
 * nothing an expression does here can take the parent down or hold it up.
 */
import { answer, type EvaluationRequest } from "@flowcraft/engine";
import type { SandboxReply } from "./sandbox-messages.ts";

const send = (reply: SandboxReply) => process.send!(reply);

process.on("message", (request: EvaluationRequest) => void answer(request).then(send));
// The parent is gone (it exited or crashed): nothing is left to answer.
process.on("disconnect", () => process.exit(0));
send({ ready: true });

/** A web worker that evaluates the expressions of a replay the page hands it, one message each. */
import { evaluate, ExpressionLimitError } from "@flowcraft/engine";
import type { ExpressionReply, ExpressionRequest } from "./expression-messages.ts";

const reply = (message: ExpressionReply) => (self as unknown as Worker).postMessage(message);

self.onmessage = ({ data }: MessageEvent<ExpressionRequest>) => {
  evaluate(data.expression, data.context).then(
    (value) => reply({ id: data.id, value }),
    (error: unknown) => reply({ id: data.id, error: { message: error instanceof Error ? error.message : String(error), limit: error instanceof ExpressionLimitError } }),
  );
};

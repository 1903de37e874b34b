/** A web worker that evaluates the expressions of a replay the page hands it, one message each. */
import { answer, type EvaluationRequest } from "@flowcraft/engine";

self.onmessage = ({ data }: MessageEvent<EvaluationRequest>) => void answer(data).then((reply) => (self as unknown as Worker).postMessage(reply));

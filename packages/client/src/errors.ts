/** The one error the client throws: the server's problem, or why the server could not be asked. */

/** One problem of a refused definition or input, by node and field. */
export interface Problem {
  path?: string;
  nodeId?: string | null;
  field?: string | null;
  message?: string;
}

export class FlowcraftError extends Error {
  override name = "FlowcraftError";
  constructor(
    message: string,
    /** The HTTP status, or 0 when no answer came. */
    readonly status: number,
    /** The server's error code (`invalid`, `not_found`, `conflict`…), or `unreachable` or `timeout`. */
    readonly code: string,
    readonly problems: Problem[] = [],
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; problems?: unknown };
}

/** The server's {error: {code, message, problems}} as an error; a body of another shape is named by its status. */
export function answerError(response: Response, body: unknown): FlowcraftError {
  const error = (body as ErrorBody | undefined)?.error;
  const message = typeof error?.message === "string" ? error.message : `${response.status} ${response.statusText || "error"} from ${response.url}`;
  const code = typeof error?.code === "string" ? error.code : "http_" + response.status;
  const problems = Array.isArray(error?.problems) ? (error.problems as Problem[]) : [];
  return new FlowcraftError(message, response.status, code, problems);
}

/** fetch failing before any answer: a wrong address, a refused connection, a dropped one. */
export function unreachable(baseUrl: string, cause: unknown): FlowcraftError {
  const inner = (cause as { cause?: { code?: string; message?: string } })?.cause;
  const why = inner?.code ?? inner?.message ?? (cause as Error)?.message ?? String(cause);
  return new FlowcraftError(`cannot reach ${baseUrl} (${why})`, 0, "unreachable", [], { cause });
}

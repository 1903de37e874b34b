/** A client of the REST API: the generated, typed `api`, and helpers for what callers do most. */
import { randomUUID } from "node:crypto";
import createClient, { type Client } from "openapi-fetch";
import { answerError, unreachable } from "./errors.ts";
import type { paths } from "./schema.ts";
import {
  ENDED_STATUSES,
  type ApprovalPage,
  type ApprovalQuery,
  type HistoryEvent,
  type Instance,
  type InstancePage,
  type InstanceQuery,
  type RaisedEvent,
  type WorkflowSummary,
  type WorkflowVersion,
} from "./types.ts";
import { pollUntil, sleep, type PollOptions } from "./poll.ts";

export interface ClientOptions {
  /** The server's base URL, e.g. https://flowcraft.example.com */
  url: string;
  /** An API token (fc_…), sent as a Bearer token. */
  token: string;
  /** Another fetch (a proxy agent, tests). */
  fetch?: typeof fetch;
}

export interface StartOptions {
  /** The instance's id; a start with the id of an existing instance is refused (409). */
  instanceId?: string;
  /** The workflow's version; the latest when absent. */
  version?: number;
}

export type WaitOptions = PollOptions;

/** What awaiting the API's answer gives: the body, or the server's problem thrown. */
async function answer<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw answerError(response, error);
  return data as T;
}

export class FlowcraftClient {
  /** The whole REST API, typed from its OpenAPI document; errors come back as values here. */
  readonly api: Client<paths>;
  readonly url: string;

  constructor({ url, token, fetch: fetchImpl = globalThis.fetch }: ClientOptions) {
    this.url = url.replace(/\/+$/, "");
    const baseUrl = this.url;
    this.api = createClient<paths>({
      baseUrl,
      headers: { authorization: `Bearer ${token}` },
      fetch: async (request) => {
        try {
          return await fetchImpl(request);
        } catch (error) {
          throw unreachable(baseUrl, error);
        }
      },
    });
  }

  /** The workflows, each with its latest version number. Also proves that the token is accepted. */
  async workflows(): Promise<WorkflowSummary[]> {
    return (await answer(this.api.GET("/api/v1/workflows"))).workflows ?? [];
  }

  /** A workflow's latest version (or the one asked for). */
  async workflow(name: string, version?: number): Promise<WorkflowVersion> {
    if (version !== undefined) return answer(this.api.GET("/api/v1/workflows/{name}/versions/{version}", { params: { path: { name, version } } }));
    return answer(this.api.GET("/api/v1/workflows/{name}", { params: { path: { name } } }));
  }

  /**
   * Publishes a definition as the workflow's next version; `created` is false when it equals the
   * latest. With `dryRun` nothing is stored: the answer is what publishing would give.
   */
  async publish(name: string, definition: unknown, { dryRun = false } = {}): Promise<{ created: boolean; version: WorkflowVersion }> {
    const { data, error, response } = await this.api.PUT("/api/v1/workflows/{name}", {
      params: { path: { name }, query: dryRun ? { dryRun } : {} },
      body: definition as never,
    });
    if (!response.ok) throw answerError(response, error);
    return { created: response.status === 201, version: data as WorkflowVersion };
  }

  /** Starts an instance; the server answers at once, before it runs. */
  async start(workflow: string, input?: unknown, { instanceId, version }: StartOptions = {}): Promise<{ instanceId: string }> {
    const accepted = await answer(
      this.api.POST("/api/v1/workflows/{name}/start", {
        params: { path: { name: workflow }, query: { ...(instanceId ? { instanceId } : {}), ...(version ? { version } : {}) } },
        ...(input === undefined ? {} : { body: input }),
      }),
    );
    return { instanceId: accepted.instanceId! };
  }

  async instance(id: string): Promise<Instance> {
    return answer(this.api.GET("/api/v1/instances/{id}", { params: { path: { id } } }));
  }

  /** Polls the instance, backing off, until it has ended; throws a `timeout` error when it has not by then. */
  async waitFor(id: string, options: WaitOptions = {}): Promise<Instance> {
    return pollUntil(
      () => this.instance(id),
      (instance) => ENDED_STATUSES.includes(instance.runtimeStatus!),
      (last) => `instance ${id} has not ended${last ? ` (it is ${last.runtimeStatus})` : ""}`,
      options,
    );
  }

  /**
   * Starts an instance and waits until it ends: the outcome (`runtimeStatus`, `output`,
   * `failure`). The instance id is chosen first, so that a start can be retried without a twin.
   */
  async startAndWait(workflow: string, input?: unknown, { instanceId = randomUUID(), version, ...wait }: StartOptions & WaitOptions = {}): Promise<Instance> {
    await this.start(workflow, input, { instanceId, ...(version ? { version } : {}) });
    return this.waitFor(instanceId, wait);
  }

  /**
   * Raises an external event on an instance. The same `eventId` again is a no-op for the
   * instance's whole life, so a retried call is safe; one is made when absent.
   */
  async raiseEvent(id: string, eventName: string, payload?: unknown, { eventId = randomUUID() }: { eventId?: string } = {}): Promise<RaisedEvent> {
    return answer(
      this.api.POST("/api/v1/instances/{id}/events/{eventName}", {
        params: { path: { id, eventName }, query: { eventId } },
        ...(payload === undefined ? {} : { body: payload }),
      }),
    );
  }

  /** Every page of the instances the query matches, following the cursor; `limit` is the page size. */
  async *instancePages(query: InstanceQuery = {}): AsyncGenerator<InstancePage> {
    let cursor = query.cursor;
    do {
      const page: InstancePage = await answer(this.api.GET("/api/v1/instances", { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } }));
      yield page;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
  }

  /** History events after `afterSeq`, in order. */
  async history(id: string, { afterSeq, limit }: { afterSeq?: number; limit?: number } = {}): Promise<HistoryEvent[]> {
    const query = { ...(afterSeq !== undefined ? { afterSeq } : {}), ...(limit ? { limit } : {}) };
    return (await answer(this.api.GET("/api/v1/instances/{id}/history", { params: { path: { id }, query } }))).events ?? [];
  }

  /**
   * The instance's history events as they are stored, from the first (or after `afterSeq`),
   * polling until the instance has ended and every event has been given.
   */
  async *followHistory(id: string, { afterSeq = 0, intervalMs = 500, signal }: { afterSeq?: number; intervalMs?: number; signal?: AbortSignal } = {}): AsyncGenerator<HistoryEvent> {
    let seq = afterSeq;
    for (;;) {
      // Read the status first: events stored before an end are then all in the read that follows.
      const ended = ENDED_STATUSES.includes((await this.instance(id)).runtimeStatus!);
      const events = await this.history(id, { afterSeq: seq });
      for (const event of events) {
        seq = event.seq;
        yield event;
      }
      if (ended && events.length === 0) return;
      if (events.length === 0) await sleep(intervalMs, signal);
    }
  }

  /** A page of the approvals that wait for a decision, oldest first. */
  async approvals(query: ApprovalQuery = {}): Promise<ApprovalPage> {
    return answer(this.api.GET("/api/v1/approvals", { params: { query } }));
  }

  /** Decides one waiting approval as the token's holder. */
  async decide(id: string, waitId: string, decision: "approved" | "rejected", comment?: string): Promise<void> {
    await answer(this.api.POST("/api/v1/instances/{id}/approvals/{waitId}", { params: { path: { id, waitId } }, body: { decision, ...(comment ? { comment } : {}) } }));
  }
}

export function createFlowcraftClient(options: ClientOptions): FlowcraftClient {
  return new FlowcraftClient(options);
}


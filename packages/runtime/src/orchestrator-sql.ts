/**
 * The hot-path SQL of decision turns: claim instances with their inbox, load history, and store a
 * batch of turns. Each is one statement, so a batch costs three round trips at most.
 */
import type pg from "pg";
import { queryPrepared } from "@flowcraft/db";
import { MAX_SUBWORKFLOW_DEPTH } from "@flowcraft/definition";
import type { HistoryEvent, InstanceSummary } from "@flowcraft/engine";
import { eventFromRow } from "./history-rows.ts";
import { childEndOf, childrenToStart } from "./child-reports.ts";
import { announce, INBOX_CHANNEL, TASKS_CHANNEL } from "./notifier.ts";
import { openWaitRow } from "./open-waits.ts";
import { historyColumns, taskColumns } from "./store-columns.ts";
import type { ClaimedTask } from "./activity-sql.ts";
import type { TaskLease } from "./task-leases.ts";
import type { InboxMessage, InstanceState, Turn } from "./turn.ts";

type Queryable = pg.Pool;

export interface ClaimedInstance extends InstanceState {
  status: string;
  /** Tells apart two instances that had the same id, one purged before the other started. */
  createdAt: string;
  /** Visible inbox messages to decide on, oldest first. */
  messages: InboxMessage[];
  /**
   * Every message the turn takes: those, and events raised again with an eventId that the
   * instance recorded before, in this generation or an earlier one, which the turn drops.
   */
  messageIds: number[];
  /** Claims since the last stored turn, this one included. */
  unfinishedClaims: number;
  /** Where the current generation's history begins. */
  generationStartSeq: number;
  /** Seconds from when its oldest visible message became visible to this claim. */
  waitedSeconds: number;
}

/**
 * Leases up to `limit` instances that have visible inbox messages and no live lease, and returns
 * each with its visible messages (at most `messageLimit` per instance; the rest wait a turn).
 * Instances are taken in the order they became ready, by their oldest message, so that however
 * many others keep getting messages, none waits longer than the instances ready before it.
 * Each claim is counted until a turn of the instance is stored, so claims that ended in a crash
 * or a stall are seen by the next claim.
 */
export async function claimInstances(db: Queryable, owner: string, leaseSeconds: number, limit: number, messageLimit: number): Promise<ClaimedInstance[]> {
  const { rows } = await queryPrepared(
    db,
    "flowcraft_claim_instances",
    `UPDATE instance i SET lease_owner = $1, lease_expires_at = now() + make_interval(secs => $2), unfinished_claims = i.unfinished_claims + 1
     FROM (
       -- Walks the visible messages oldest first and takes each free instance at its oldest one.
       -- The oldest-message test names c, not m, so that Postgres runs it after the lease test:
       -- the many messages of a leased fan-out are then passed over by the lease test alone,
       -- whose answer it keeps per instance, rather than each looked up in the inbox again.
       SELECT c.id FROM inbox_message m
       JOIN instance c ON c.id = m.instance_id
       WHERE m.visible_at <= now()
         AND (c.lease_expires_at IS NULL OR c.lease_expires_at < now())
         AND NOT EXISTS (SELECT 1 FROM inbox_message o WHERE o.instance_id = c.id AND (o.visible_at, o.id) < (m.visible_at, m.id))
       ORDER BY m.visible_at, m.id
       LIMIT $3
       FOR UPDATE OF c SKIP LOCKED
     ) claimed
     WHERE i.id = claimed.id
     RETURNING i.id, i.workflow_name, i.workflow_version, i.status, i.generation, i.last_seq, i.output, i.failure, i.custom_status,
       i.created_at, i.unfinished_claims, i.generation_start_seq,
       (SELECT EXTRACT(EPOCH FROM now() - min(visible_at))::float8 FROM inbox_message WHERE instance_id = i.id AND visible_at <= now()) AS waited_seconds,
       -- In the order things happened: a timer's message is stored when the timer is set, but it
       -- happens when it fires, after any event raised before that.
       -- json, not jsonb, as it is only sent: jsonb would sort and check each object's keys, and
       -- turn each number into a numeric, to be written out as text at once.
       (SELECT coalesce(json_agg(json_build_object('id', m.id, 'kind', m.kind, 'data', m.data,
                                                     'repeat', m.kind = 'event' AND EXISTS (
                                                       SELECT 1 FROM raised_event r WHERE r.instance_id = i.id AND r.event_id = m.data->>'eventId'))
                                  ORDER BY m.visible_at, m.id), '[]'::json)
        FROM (SELECT id, kind, data, visible_at FROM inbox_message WHERE instance_id = i.id AND visible_at <= now() ORDER BY visible_at, id LIMIT $4) m
       ) AS messages`,
    [owner, leaseSeconds, limit, messageLimit],
  );
  return rows.map((row) => {
    const taken = row.messages as Array<InboxMessage & { repeat: boolean }>;
    return {
      id: row.id,
      workflowName: row.workflow_name,
      workflowVersion: row.workflow_version,
      status: row.status,
      generation: row.generation,
      lastSeq: row.last_seq,
      summary: { runtimeStatus: row.status, output: row.output, failure: row.failure, customStatus: row.custom_status } as InstanceSummary,
      createdAt: (row.created_at as Date).toISOString(),
      messages: taken.filter((m) => !m.repeat).map(({ repeat: _repeat, ...message }) => message as InboxMessage),
      messageIds: taken.map((m) => m.id),
      unfinishedClaims: row.unfinished_claims,
      generationStartSeq: row.generation_start_seq,
      waitedSeconds: row.waited_seconds ?? 0,
    };
  });
}

/**
 * Current-generation history of each instance, after `afterSeq`: where a cached prefix ends, or
 * else just before the generation starts, so that a long-lived instance's earlier generations
 * are never read (the range is on the primary key).
 */
export async function loadHistories(db: Queryable, from: Array<{ id: string; generation: number; afterSeq: number }>): Promise<Map<string, HistoryEvent[]>> {
  const histories = new Map<string, HistoryEvent[]>(from.map((f) => [f.id, []]));
  if (from.length === 0) return histories;
  const { rows } = await queryPrepared(
    db,
    "flowcraft_load_histories",
    `SELECT h.instance_id, h.seq, h.type, h.data, h.at
     FROM history_event h
     JOIN jsonb_to_recordset($1::jsonb) AS f(id text, generation int, after_seq int)
       ON h.instance_id = f.id AND h.generation = f.generation AND h.seq > f.after_seq
     ORDER BY h.instance_id, h.seq`,
    [JSON.stringify(from.map((f) => ({ id: f.id, generation: f.generation, after_seq: f.afterSeq })))],
  );
  for (const row of rows) histories.get(row.instance_id)?.push(eventFromRow(row));
  return histories;
}

export interface StoredTurns {
  stored: Set<string>;
  /** Tasks inserted already leased to the storing worker, to run at once. */
  leased: ClaimedTask[];
}

/** The instance as a turn planned without a lease found it: the turn is stored only if it still is. */
export interface ExpectedInstance {
  createdAt: string;
  generation: number;
  lastSeq: number;
}

export interface TurnToStore {
  turn: Turn;
  /** Inbox messages the turn took. */
  messageIds: number[];
  /** Tasks whose results the turn took from this worker's runner: done once the turn is stored. */
  finishedTaskIds: number[];
  /** Unset: the instance is leased to the storing worker. */
  expected?: ExpectedInstance;
}

/**
 * Stores a batch of turns in one statement, atomic without an explicit transaction: instance
 * rows, history events, tasks and timers of those instances, and what they wait on; the child
 * instances they start, and the word that goes between children and parents; removes the
 * messages and finished tasks they took, the timers they cancelled, and an ended instance's
 * queued work. A turn is
 * stored where the instance is still leased to `owner`, or, for a turn planned without a lease,
 * where no one holds the instance, it is as `expected` (no other turn came in between) and no
 * message waits in its inbox. Returns the instance ids stored and the tasks stored leased to `owner`.
 */
export async function storeTurns(db: Queryable, owner: string, batch: TurnToStore[], lease: TaskLease): Promise<StoredTurns> {
  if (batch.length === 0) return { stored: new Set(), leased: [] };
  const turns = batch.map((b) => b.turn);
  const instances = batch.map(({ turn: t, expected, messageIds, finishedTaskIds }) => ({
    id: t.instanceId,
    status: t.summary.runtimeStatus,
    output: t.summary.output,
    failure: t.summary.failure,
    custom_status: t.summary.customStatus,
    generation: t.generation,
    last_seq: t.lastSeq,
    // A new generation begins right after the last one that ended.
    generation_start_seq: t.endedGenerations.length > 0 ? t.endedGenerations.at(-1)!.lastSeq + 1 : null,
    waiting: t.waiting,
    // An ended child reports to its parent; an ended or continued parent ends its children.
    child_end: childEndOf(t),
    ended: t.ended,
    continued: t.endedGenerations.length > 0,
    leased: expected === undefined,
    expected_created_at: expected?.createdAt,
    expected_generation: expected?.generation,
    expected_last_seq: expected?.lastSeq,
    message_ids: messageIds,
    finished_task_ids: finishedTaskIds,
  }));
  const timers = turns.flatMap((t) => t.timers.map((timer) => ({ instance_id: timer.instanceId, generation: timer.generation, timer_id: timer.timerId, fire_at: timer.fireAt })));
  const cancelledTimers = turns.flatMap((t) => t.cancelledTimers.map((timer) => ({ instance_id: timer.instanceId, generation: timer.generation, timer_id: timer.timerId })));
  const endedGenerations = turns.flatMap((t) =>
    t.endedGenerations.map((g) => ({ instance_id: g.instanceId, generation: g.generation, first_seq: g.firstSeq, last_seq: g.lastSeq, ended_at: g.endedAt })),
  );
  const children = turns.flatMap((t) =>
    childrenToStart(t).map((c) => ({
      child_id: c.childId,
      parent_instance_id: c.parentInstanceId,
      parent_generation: c.parentGeneration,
      step_id: c.stepId,
      node: c.node,
      attempt: c.attempt,
      workflow: c.workflow,
      version: c.version,
      input: c.input,
      terminate_with_parent: c.terminateWithParent,
      traceparent: c.traceparent ?? null,
    })),
  );
  const raisedEvents = turns.flatMap((t) =>
    t.events.flatMap((e) => (e.type === "event_raised" ? [{ instance_id: t.instanceId, event_id: e.eventId }] : [])),
  );
  const openedWaits = turns.flatMap((t) => t.waits.opened.map((start) => openWaitRow(t.instanceId, t.generation, start)));
  const closedWaits = turns.flatMap((t) => t.waits.closed.map((waitId) => ({ instance_id: t.instanceId, generation: t.generation, wait_id: waitId })));
  // Every part sees the same snapshot: the ended instances' clean-up cannot see the tasks and
  // timers inserted here, and needs not, as a turn that ends an instance queues no new work.
  const { rows } = await queryPrepared(
    db,
    "flowcraft_store_turns",
    `WITH stored AS (
       UPDATE instance i SET status = x.status::"RuntimeStatus", output = x.output, failure = x.failure,
              custom_status = x.custom_status, generation = x.generation, last_seq = x.last_seq, waiting = x.waiting,
              generation_start_seq = coalesce(x.generation_start_seq, i.generation_start_seq),
              updated_at = now(), lease_owner = NULL, lease_expires_at = NULL, unfinished_claims = 0,
              ended_at = CASE WHEN x.status IN ('COMPLETED', 'FAILED', 'TERMINATED') THEN coalesce(i.ended_at, now()) END
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, status text, output jsonb, failure jsonb, custom_status jsonb, generation int, last_seq int, waiting boolean,
                                               generation_start_seq int, leased boolean, expected_created_at timestamptz, expected_generation int, expected_last_seq int,
                                               message_ids bigint[], finished_task_ids bigint[], ended boolean, continued boolean, child_end jsonb)
       WHERE i.id = x.id AND i.id = ANY($26::text[])
         AND CASE WHEN x.leased THEN i.lease_owner = $2
                  -- Rechecked on the newest row version should another turn commit first. A message
                  -- already in the inbox goes first: the results then take the inbox's way after it.
                  ELSE (i.lease_expires_at IS NULL OR i.lease_expires_at < now()) AND i.created_at = x.expected_created_at
                       AND i.generation = x.expected_generation AND i.last_seq = x.expected_last_seq
                       AND NOT EXISTS (SELECT 1 FROM inbox_message m WHERE m.instance_id = i.id AND m.visible_at <= now()) END
       -- The messages and finished tasks of each stored turn ride along with it: filtered by
       -- an array of them all instead, each stored instance went through the whole array, and a
       -- store of many turns took quadratic time. So does what the parts below need of the
       -- turn: each read of $1 would parse all of it again.
       RETURNING i.id, x.message_ids, x.finished_task_ids, x.ended, x.continued, x.generation, x.child_end
     ),
     history AS (
       INSERT INTO history_event (instance_id, seq, generation, type, data, at)
       SELECT instance_id, seq::int, generation::int, type, data, at::timestamptz
       FROM ROWS FROM (json_array_elements_text($3::json), json_array_elements_text($4::json), json_array_elements_text($5::json),
                       json_array_elements_text($6::json), json_array_elements($7::json), json_array_elements_text($8::json))
            AS x(instance_id, seq, generation, type, data, at)
       WHERE instance_id IN (SELECT id FROM stored)
     ),
     -- An event carried over to the next generation is recorded again: its id is known already.
     raised AS (
       INSERT INTO raised_event (instance_id, event_id)
       SELECT instance_id, event_id FROM jsonb_to_recordset($24::jsonb) AS x(instance_id text, event_id text)
       WHERE instance_id IN (SELECT id FROM stored)
       ON CONFLICT DO NOTHING
     ),
     ended_generations AS (
       INSERT INTO ended_generation (instance_id, generation, first_seq, last_seq, ended_at)
       SELECT instance_id, generation, first_seq, last_seq, ended_at
       FROM jsonb_to_recordset($29::jsonb) AS x(instance_id text, generation int, first_seq int, last_seq int, ended_at timestamptz)
       WHERE instance_id IN (SELECT id FROM stored)
       ON CONFLICT DO NOTHING
     ),
     tasks AS (
       -- A leased task is the deciding worker's at once, under the same lease a claim would take.
       -- Should the reply to this statement be lost, no one renews that lease, and it soon runs out.
       INSERT INTO activity_task (instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds,
                                  heartbeat_timeout_seconds, heartbeat_details, visible_at, lease_owner, deadline_at, traceparent, sticky_owner)
       SELECT instance_id, generation::int, activity_id, activity, node, input::jsonb, attempt::int, timeout_seconds::float8,
              heartbeat_timeout_seconds::float8, heartbeat_details::jsonb,
              CASE WHEN leased::boolean THEN now() + make_interval(secs => least($25, timeout_seconds::float8 + $28)) ELSE visible_at::timestamptz END,
              CASE WHEN leased::boolean THEN $2 END,
              CASE WHEN leased::boolean THEN now() + make_interval(secs => timeout_seconds::float8) END, traceparent,
              CASE WHEN sticky::boolean THEN $2 END
       FROM ROWS FROM (json_array_elements_text($9::json), json_array_elements_text($10::json), json_array_elements_text($11::json),
                       json_array_elements_text($12::json), json_array_elements_text($13::json), json_array_elements($14::json),
                       json_array_elements_text($15::json), json_array_elements_text($16::json), json_array_elements_text($17::json),
                       json_array_elements_text($18::json), json_array_elements_text($19::json), json_array_elements_text($20::json),
                       json_array_elements_text($21::json), json_array_elements_text($22::json))
            AS x(instance_id, generation, activity_id, activity, node, input, attempt, timeout_seconds, heartbeat_timeout_seconds,
                 heartbeat_details, visible_at, leased, sticky, traceparent)
       WHERE instance_id IN (SELECT id FROM stored)
       ON CONFLICT (instance_id, generation, activity_id, attempt) DO NOTHING
       RETURNING id, instance_id, generation, activity_id, attempt, lease_owner IS NOT NULL AS leased
     ),
     timers AS (
       INSERT INTO inbox_message (instance_id, kind, data, dedupe_key, visible_at)
       SELECT instance_id, 'timer', jsonb_build_object('generation', generation, 'timerId', timer_id),
              'timer:' || generation || ':' || timer_id, fire_at
       FROM jsonb_to_recordset($23::jsonb) AS x(instance_id text, generation int, timer_id text, fire_at timestamptz)
       WHERE instance_id IN (SELECT id FROM stored)
       ON CONFLICT (instance_id, dedupe_key) DO NOTHING
     ),
     consumed AS (
       DELETE FROM inbox_message m USING (SELECT unnest(message_ids) AS id FROM stored) c WHERE m.id = c.id
     ),
     cancelled_timers AS (
       DELETE FROM inbox_message m USING jsonb_to_recordset($27::jsonb) AS x(instance_id text, generation int, timer_id text)
       WHERE m.instance_id = x.instance_id AND m.dedupe_key = 'timer:' || x.generation || ':' || x.timer_id
         AND m.instance_id IN (SELECT id FROM stored)
     ),
     -- Whoever holds the task now (its lease may have run out and another worker taken it) has
     -- nothing left to report: the result is in history.
     finished AS (
       DELETE FROM activity_task t USING (SELECT unnest(finished_task_ids) AS id FROM stored) f WHERE t.id = f.id
     ),
     -- Joined to the stored turns that ended, not filtered by an array of their ids: a filter of
     -- both put the array in each index probe, sorted anew for every stored turn.
     ended_tasks AS (
       DELETE FROM activity_task t USING stored s WHERE s.ended AND t.instance_id = s.id
     ),
     ended_timers AS (
       DELETE FROM inbox_message m USING stored s WHERE s.ended AND m.instance_id = s.id AND m.kind = 'timer'
     ),
     -- What the instances wait on, as the engine says the turns changed it (see open-waits.ts).
     opened_waits AS (
       INSERT INTO open_wait (instance_id, generation, wait_id, kind, node, event, approval, seq, started_at, due_at)
       SELECT instance_id, generation, wait_id, kind, node, event, approval, seq, started_at, due_at
       FROM jsonb_to_recordset($30::jsonb) AS x(instance_id text, generation int, wait_id text, kind text, node text, event text,
                                                approval jsonb, seq int, started_at timestamptz, due_at timestamptz)
       WHERE instance_id IN (SELECT id FROM stored)
       ON CONFLICT DO NOTHING
     ),
     closed_waits AS (
       DELETE FROM open_wait w USING jsonb_to_recordset($31::jsonb) AS x(instance_id text, generation int, wait_id text)
       WHERE w.instance_id = x.instance_id AND w.generation = x.generation AND w.wait_id = x.wait_id AND w.instance_id IN (SELECT id FROM stored)
     ),
     -- A continue-as-new leaves its generation's waits behind, and an ended instance waits on nothing.
     left_waits AS (
       DELETE FROM open_wait w USING stored s WHERE w.instance_id = s.id AND w.generation < s.generation
     ),
     ended_waits AS (
       DELETE FROM open_wait w USING stored s WHERE s.ended AND w.instance_id = s.id
     ),
     -- The children the turns ask for, each with the version it gets: the newest published one
     -- unless the step pins one. Nesting is counted from the parent's depth.
     asked_children AS (
       SELECT x.*, p.depth + 1 AS depth, p.test, p.started_by, v.version AS resolved
       FROM jsonb_to_recordset($32::jsonb) AS x(child_id text, parent_instance_id text, parent_generation int, step_id text, node text,
                                                 attempt int, workflow text, version int, input jsonb, terminate_with_parent boolean,
                                                 traceparent text)
       JOIN instance p ON p.id = x.parent_instance_id
       LEFT JOIN LATERAL (
         SELECT w.version FROM workflow_version w
         WHERE w.workflow_name = x.workflow AND NOT w.test AND (x.version IS NULL OR w.version = x.version)
         ORDER BY w.version DESC LIMIT 1
       ) v ON true
       WHERE x.parent_instance_id IN (SELECT id FROM stored)
     ),
     children AS (
       INSERT INTO instance (id, workflow_name, workflow_version, input, last_seq, started_by, test, parent_instance_id, parent_generation,
                             parent_step_id, parent_node, parent_attempt, terminate_with_parent, depth)
       SELECT child_id, workflow, resolved, coalesce(input, 'null'::jsonb), 1, started_by, test, parent_instance_id, parent_generation,
              step_id, node, attempt, terminate_with_parent, depth
       FROM asked_children WHERE resolved IS NOT NULL AND depth <= $33
       ON CONFLICT (id) DO NOTHING
       RETURNING id, workflow_name, workflow_version, input, created_at, parent_instance_id, parent_node
     ),
     children_started AS (
       INSERT INTO history_event (instance_id, seq, generation, type, data, at)
       SELECT id, 1, 1, 'execution_started',
              jsonb_build_object('workflowName', workflow_name, 'workflowVersion', workflow_version, 'input', input, 'generation', 1,
                                 'parent', jsonb_build_object('instanceId', parent_instance_id, 'node', parent_node)), created_at
       FROM children
     ),
     children_queued AS (
       INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
       SELECT c.id, 'start', CASE WHEN a.traceparent IS NULL THEN '{}'::jsonb ELSE jsonb_build_object('traceparent', a.traceparent) END, 'start'
       FROM children c JOIN asked_children a ON a.child_id = c.id
       RETURNING 1
     ),
     -- Each step hears at once whether its child started, and as which version, or why not.
     -- A child id taken already (by a child of a purged instance of the same id) starts nothing.
     child_starts AS (
       INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
       SELECT a.parent_instance_id, 'child',
              jsonb_build_object('generation', a.parent_generation, 'stepId', a.step_id, 'attempt', a.attempt) ||
              CASE WHEN c.id IS NOT NULL THEN jsonb_build_object('outcome', 'started', 'childId', a.child_id, 'workflowVersion', a.resolved)
                   ELSE jsonb_build_object('outcome', 'failed', 'error', jsonb_build_object('nonRetryable', true) ||
                     CASE WHEN a.resolved IS NULL THEN jsonb_build_object('name', 'SubworkflowNotFound',
                            'message', 'workflow "' || a.workflow || '" has no published version' || coalesce(' ' || a.version, ''))
                          WHEN a.depth > $33 THEN jsonb_build_object('name', 'SubworkflowDepthExceeded',
                            'message', 'sub-workflows nest at most ' || $33 || ' deep: a child of this instance would be at depth ' || a.depth)
                          ELSE jsonb_build_object('name', 'SubworkflowNotStarted', 'message', 'an instance with the child''s id "' || a.child_id || '" exists already') END) END,
              'child:' || a.child_id || ':start'
       FROM asked_children a LEFT JOIN children c ON c.id = a.child_id
       ON CONFLICT (instance_id, dedupe_key) DO NOTHING
       RETURNING 1
     ),
     -- An ended child tells its parent's step how it ended (a purged parent hears nothing).
     child_ends AS (
       INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
       SELECT i.parent_instance_id, 'child',
              jsonb_build_object('generation', i.parent_generation, 'stepId', i.parent_step_id, 'attempt', i.parent_attempt, 'childId', i.id) || s.child_end,
              'child:' || i.id || ':end'
       FROM stored s JOIN instance i ON i.id = s.id
       WHERE s.child_end IS NOT NULL AND i.parent_instance_id IS NOT NULL
         AND EXISTS (SELECT 1 FROM instance p WHERE p.id = i.parent_instance_id)
       ON CONFLICT (instance_id, dedupe_key) DO NOTHING
       RETURNING 1
     ),
     -- A parent that ends, or continues as new, ends the children it left running (unless their
     -- step said otherwise); each ends its own in turn.
     parent_ends AS (
       INSERT INTO inbox_message (instance_id, kind, data, dedupe_key)
       SELECT c.id, 'terminate',
              jsonb_build_object('reason', 'its parent instance "' || s.id || '" ' || CASE WHEN s.ended THEN 'ended' ELSE 'continued as new' END),
              'parent-end'
       FROM stored s JOIN instance c ON c.parent_instance_id = s.id
       WHERE (s.ended OR s.continued)
         AND c.terminate_with_parent AND c.status NOT IN ('COMPLETED', 'FAILED', 'TERMINATED')
         AND (s.ended OR c.parent_generation < s.generation)
       ON CONFLICT (instance_id, dedupe_key) DO NOTHING
       RETURNING 1
     )
     SELECT (SELECT count(*) FROM children_queued) + (SELECT count(*) FROM child_starts) + (SELECT count(*) FROM child_ends)
              + (SELECT count(*) FROM parent_ends) AS messages,
            (SELECT coalesce(json_agg(id), '[]'::json) FROM stored) AS stored,
            -- json, not jsonb, as in claimInstances: built as jsonb, a task's object cost Postgres
            -- three times as much, some 5% of its CPU in a fan-out.
            (SELECT coalesce(json_agg(json_build_object('id', id, 'instanceId', instance_id, 'generation', generation,
                                                        'activityId', activity_id, 'attempt', attempt)), '[]'::json)
             FROM tasks WHERE leased) AS leased,
            (SELECT count(*) FROM tasks WHERE NOT leased) AS queued`,
    [
      JSON.stringify(instances),
      owner,
      ...historyColumns(turns),
      ...taskColumns(turns),
      JSON.stringify(timers),
      JSON.stringify(raisedEvents),
      lease.seconds,
      instances.map((i) => i.id),
      JSON.stringify(cancelledTimers),
      lease.graceSeconds,
      JSON.stringify(endedGenerations),
      JSON.stringify(openedWaits),
      JSON.stringify(closedWaits),
      JSON.stringify(children),
      MAX_SUBWORKFLOW_DEPTH,
    ],
  );
  const row = rows[0]!;
  if (Number(row.queued) > 0) announce(db, TASKS_CHANNEL);
  if (Number(row.messages) > 0) announce(db, INBOX_CHANNEL);
  const specs = new Map(turns.flatMap((t) => t.tasks).map((task) => [taskKey(task), task]));
  const leased = (row.leased as Array<{ id: number; instanceId: string; generation: number; activityId: string; attempt: number }>).map(
    (task) => {
      const { visibleAt: _visibleAt, leased: _leased, ...spec } = specs.get(taskKey(task))!;
      return { id: Number(task.id), ...spec };
    },
  );
  return { stored: new Set<string>(row.stored as string[]), leased };
}

const taskKey = (task: { instanceId: string; generation: number; activityId: string; attempt: number }) =>
  `${task.instanceId}|${task.generation}|${task.activityId}|${task.attempt}`;

/**
 * Releases leases of instances claimed but not stored (e.g. their definition failed to load, or
 * the database refused the store). `uncount`: the instance was not the cause (the whole batch
 * failed to store), so the claim does not count towards quarantine.
 */
export async function releaseInstances(db: Queryable, owner: string, ids: string[], uncount = false) {
  if (ids.length === 0) return;
  await queryPrepared(
    db,
    "flowcraft_release_instances",
    `UPDATE instance SET lease_owner = NULL, lease_expires_at = NULL,
       unfinished_claims = CASE WHEN $3 THEN greatest(unfinished_claims - 1, 0) ELSE unfinished_claims END
     WHERE id = ANY($1::text[]) AND lease_owner = $2`,
    [ids, owner, uncount],
  );
}

/** Extends the leases of instances still claimed by `owner`: a round that takes long is not taken over. */
export async function renewInstanceLeases(db: Queryable, owner: string, ids: string[], leaseSeconds: number) {
  await queryPrepared(
    db,
    "flowcraft_renew_instance_leases",
    "UPDATE instance SET lease_expires_at = now() + make_interval(secs => $3) WHERE id = ANY($1::text[]) AND lease_owner = $2",
    [ids, owner, leaseSeconds],
  );
}

/** Milliseconds until the next timer or delayed message is due, or null when none is waiting. */
export async function nextDueInMs(db: Queryable): Promise<number | null> {
  const { rows } = await queryPrepared(
    db,
    "flowcraft_next_due",
    "SELECT EXTRACT(EPOCH FROM (min(visible_at) - now())) * 1000 AS ms FROM inbox_message WHERE visible_at > now()",
    [],
  );
  const ms = rows[0]?.ms;
  return ms === null || ms === undefined ? null : Math.max(0, Number(ms));
}

/**
 * The workflow definition format, version 1: the one source of the definition's types, its
 * validation and its published JSON Schema (`definition.schema.json`, generated from this file).
 *
 * A definition is a graph of nodes. Containers (parallel, map, group, monitor) hold nested graphs
 * of their own; edges (`next`, `onError.next`, `onTimeout`, decision targets) only join nodes of
 * the same graph. Node ids are unique across the whole definition, so history events, the canvas
 * and problems can name a node by id alone.
 */
import { z } from "zod";

/** Format versions this package can read; `version` of a stored definition never changes meaning. */
export const DEFINITION_VERSIONS = {
  /** Since the first release: activity, parallel, map, group, wait, timer, decision, monitor, end, fail; subworkflow added later (a reader without it refuses the kind by name). */
  1: "v1",
} as const;

export const DEFINITION_SCHEMA_URL = "https://flowcraft.dev/schemas/definition-v1.json";

const NODE_ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
/**
 * Names every JavaScript object has: as node ids they would shadow them in lookups, and a plain
 * object cannot even keep `__proto__` as a key of its own (zod's records silently drop it).
 */
export const RESERVED_NODE_IDS: ReadonlySet<string> = new Set(["__proto__", "constructor", "prototype", "toString", "valueOf", "hasOwnProperty"]);
/** Why a reserved name is no node id; problems put `node id "<id>"` or the field in front. */
export const RESERVED_NODE_ID_REASON = "is reserved: every JavaScript object has a property by that name; choose another node id";

/** A node id; it doubles as the name of the step's output in expressions (`steps.<id>`). */
export const NodeIdSchema = z
  .string()
  .min(1, { error: "is empty: choose a node", abort: true })
  .regex(NODE_ID_PATTERN, {
    error: "must start with a letter or _ and hold only letters, digits and _ (at most 64), so expressions can use it as steps.<id>",
  })
  .refine((id) => !RESERVED_NODE_IDS.has(id), { error: RESERVED_NODE_ID_REASON })
  .describe("Node id: letters, digits and _, unique in the whole definition")
  // The refinement does not reach the JSON Schema; this says the same there.
  .meta({ not: { enum: [...RESERVED_NODE_IDS] } });

/** A JSONata expression evaluated over the workflow state: `input`, `steps.<id>`, and in scope `item`, `index`, `state`, `iteration`, `error`. */
export const ExpressionSchema = z
  .string()
  .min(1, { error: "must not be empty" })
  .describe("JSONata expression over {input, steps, item, index, state, iteration, error}");

/** Longest delay, timeout or retry interval: ten years, far beyond any sensible wait. */
export const MAX_DURATION_SECONDS = 315_360_000;

/** Seconds as a number, or a JSONata expression that yields seconds. */
export const DurationSchema = z
  .union([z.number().nonnegative({ error: "must be zero or more seconds" }).max(MAX_DURATION_SECONDS, { error: "must be at most ten years (315360000 seconds)" }), ExpressionSchema])
  .describe("Seconds, or a JSONata expression that yields seconds");

export const EventNameSchema = z
  .string()
  .min(1, { error: "is empty: name the event", abort: true })
  .regex(/^[A-Za-z0-9_.:-]{1,128}$/, { error: "must be 1-128 letters, digits or _ . : -" })
  .describe("Name of an external event, as raised through POST /api/v1/instances/{id}/events/{eventName}");

/** Retry policy of an activity step; intervals are in seconds. */
export const RetryPolicySchema = z.strictObject({
  maxAttempts: z.number().int().min(1).max(1000).describe("Attempts in all, the first included (default 1: no retry)"),
  firstInterval: z.number().nonnegative().max(MAX_DURATION_SECONDS).optional().describe("Seconds before the second attempt (default 1)"),
  backoffCoefficient: z.number().min(1).max(100).optional().describe("Each wait is the previous one times this (default 2)"),
  maxInterval: z.number().nonnegative().max(MAX_DURATION_SECONDS).optional().describe("Upper bound of a wait between attempts, in seconds"),
});

/** Where to go when the node fails: the error is then available to that path as `error`. */
export const OnErrorSchema = z.strictObject({
  next: NodeIdSchema.describe("First node of the error path (compensation)"),
  errors: z
    .array(z.string().min(1))
    .optional()
    .describe("Error names this path handles (e.g. ActivityFailed, Timeout); all when absent"),
});

const common = {
  title: z.string().max(200).optional().describe("Label shown on the canvas"),
  description: z.string().max(2000).optional(),
  customStatus: ExpressionSchema.optional().describe(
    "Sets the instance's customStatus when this node completes; sees the node's output as steps.<id>",
  ),
};

const flow = {
  next: NodeIdSchema.optional().describe("The node that runs after this one; the graph ends here when absent"),
  onError: OnErrorSchema.optional(),
};

/** Seconds an activity attempt may run when its step sets no timeout. */
export const DEFAULT_ACTIVITY_TIMEOUT_SECONDS = 300;

export const ActivityNodeSchema = z.strictObject({
  type: z.literal("activity"),
  ...common,
  ...flow,
  activity: z.string().min(1, { error: "is empty: choose an activity" }).max(200).describe("Registered activity name, or a built-in: http, transform"),
  input: ExpressionSchema.optional().describe("The activity's input; null when absent"),
  retry: RetryPolicySchema.optional(),
  timeout: z.number().positive().max(86_400).optional().describe(`Seconds one attempt may run (default ${DEFAULT_ACTIVITY_TIMEOUT_SECONDS})`),
  heartbeatTimeout: z
    .number()
    .positive()
    .max(86_400)
    .optional()
    .describe("Seconds an attempt may go without calling heartbeat() before it fails as HeartbeatTimeout (default: no such check)"),
});

export const ApprovalSchema = z.strictObject({
  approvers: z.array(z.string().min(1)).optional().describe("Users who may decide"),
  groups: z.array(z.string().min(1)).optional().describe("Groups whose members may decide"),
  summary: ExpressionSchema.optional().describe("What is being approved, shown to the approver"),
  excludeStarter: z.boolean().optional().describe("When true, the person who started the instance may not decide (four eyes)"),
});

export const WaitNodeSchema = z.strictObject({
  type: z.literal("wait"),
  ...common,
  ...flow,
  event: EventNameSchema,
  timeout: DurationSchema.optional(),
  onTimeout: NodeIdSchema.optional().describe("Node to run when the timeout passes first; without it a timeout is an error"),
  approval: ApprovalSchema.optional().describe("Marks this wait as a human approval"),
});

export const TimerNodeSchema = z.strictObject({
  type: z.literal("timer"),
  ...common,
  ...flow,
  duration: DurationSchema,
});

export const DecisionNodeSchema = z.strictObject({
  type: z.literal("decision"),
  ...common,
  choices: z
    .array(
      z.strictObject({
        when: ExpressionSchema.describe("Chosen when this is true; choices are tried in order"),
        next: NodeIdSchema,
        label: z.string().max(200).optional(),
      }),
    )
    .min(1, { error: "needs at least one choice" }),
  default: NodeIdSchema.optional().describe("Taken when no choice is true; the node fails when absent"),
  onError: OnErrorSchema.optional(),
});

export const EndNodeSchema = z.strictObject({
  type: z.literal("end"),
  ...common,
  output: ExpressionSchema.optional().describe("Output of the graph; the previous node's output when absent"),
});

export const FailNodeSchema = z.strictObject({
  type: z.literal("fail"),
  ...common,
  error: z.string().min(1).max(200).optional().describe("Error name; the caught error's name when absent"),
  message: ExpressionSchema.optional().describe("Error message; the caught error's message when absent"),
});

/** A nested graph: where it starts and its nodes. */
export interface Graph {
  start: string;
  nodes: Record<string, Node>;
}

export const GraphSchema: z.ZodType<Graph> = z.strictObject({
  start: NodeIdSchema.describe("Id of the first node"),
  get nodes() {
    return z.record(NodeIdSchema, NodeSchema);
  },
}).meta({ id: "Graph", description: "A nested graph: its start node and its nodes" });

export const ParallelNodeSchema = z.strictObject({
  type: z.literal("parallel"),
  ...common,
  ...flow,
  get branches() {
    return z.array(GraphSchema).min(1, { error: "needs at least one branch" }).describe("Run at once; the output lists each branch's output in order");
  },
});

export const MapNodeSchema = z.strictObject({
  type: z.literal("map"),
  ...common,
  ...flow,
  items: ExpressionSchema.describe("Yields the list to fan out over; the body sees each entry as item, its position as index"),
  maxConcurrency: z.number().int().min(1).max(10_000).optional().describe("Most bodies running at once (default: all)"),
  get body() {
    return GraphSchema;
  },
});

export const GroupNodeSchema = z.strictObject({
  type: z.literal("group"),
  ...common,
  ...flow,
  get body() {
    return GraphSchema;
  },
});

export const MonitorNodeSchema = z.strictObject({
  type: z.literal("monitor"),
  ...common,
  ...flow,
  state: ExpressionSchema.optional().describe("Initial loop state, seen by the body as state"),
  get body() {
    return GraphSchema;
  },
  nextState: ExpressionSchema.optional().describe("Loop state for the next check, evaluated after the body"),
  until: ExpressionSchema.optional().describe("Stop condition, evaluated after nextState with state set to it"),
  interval: DurationSchema.describe("Seconds to sleep before the next check"),
  maxIterations: z.number().int().min(1).optional().describe("Stop after this many checks"),
});

/** Deepest chain of sub-workflows: a child nested deeper than this fails to start, so a workflow that calls itself cannot recurse without end. */
export const MAX_SUBWORKFLOW_DEPTH = 10;

/** Runs another published workflow as a child instance; the step's output is the child's output. */
export const SubworkflowNodeSchema = z.strictObject({
  type: z.literal("subworkflow"),
  ...common,
  ...flow,
  workflow: z.string().min(1, { error: "is empty: choose a workflow" }).max(200).describe("Name of the published workflow to run"),
  version: z
    .union([
      z
        .number()
        .int()
        .min(1, { error: "must be a published version (1 or more)" })
        // Versions are stored as 32-bit integers: a larger one could never be published.
        .max(2_147_483_647, { error: "must be a published version (at most 2147483647)" }),
      z.literal("latest"),
    ])
    .optional()
    .describe('A pinned version, or "latest": the newest version when the step starts (default latest)'),
  input: ExpressionSchema.optional().describe("The child's input; null when absent"),
  wait: z
    .boolean()
    .optional()
    .describe("Wait for the child to end and take its output (default true); when false the step completes once the child has started, with the child's instance id"),
  onParentEnd: z
    .enum(["terminate", "continue"])
    .optional()
    .describe("What happens to the child, still running, when this instance ends or continues as new (default terminate)"),
  retry: RetryPolicySchema.optional().describe("Each attempt starts a new child"),
});

export const NODE_KINDS = [
  "activity",
  "subworkflow",
  "parallel",
  "map",
  "group",
  "wait",
  "timer",
  "decision",
  "monitor",
  "end",
  "fail",
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export const NodeSchema = z.discriminatedUnion(
  "type",
  [
    ActivityNodeSchema,
    SubworkflowNodeSchema,
    ParallelNodeSchema,
    MapNodeSchema,
    GroupNodeSchema,
    WaitNodeSchema,
    TimerNodeSchema,
    DecisionNodeSchema,
    MonitorNodeSchema,
    EndNodeSchema,
    FailNodeSchema,
  ],
  {
    error: (issue) => {
      const input = issue.input as { type?: unknown } | undefined;
      if (input && typeof input === "object" && "type" in input) {
        return `unknown node kind ${JSON.stringify(input.type)}: expected one of ${NODE_KINDS.join(", ")}`;
      }
      return `a node must be an object with a "type" (one of ${NODE_KINDS.join(", ")})`;
    },
  },
).meta({ id: "Node", description: "One step of a workflow graph" });

/** Editor hints: canvas positions and the like. The engine ignores this section. */
export const UiSchema = z.record(z.string(), z.unknown()).describe("Editor hints (canvas positions...), ignored by the engine");

export const DefinitionSchema = z.strictObject({
  $schema: z.string().optional(),
  version: z.literal(1, { error: "unsupported format version: this server reads version 1" }),
  name: z.string().max(200).optional(),
  description: z.string().max(5000).optional(),
  start: NodeIdSchema.describe("Id of the first node"),
  nodes: z.record(NodeIdSchema, NodeSchema),
  ui: UiSchema.optional(),
});

export type Definition = z.infer<typeof DefinitionSchema>;
export type Node = z.infer<typeof NodeSchema>;
export type ActivityNode = z.infer<typeof ActivityNodeSchema>;
export type SubworkflowNode = z.infer<typeof SubworkflowNodeSchema>;
export type ParallelNode = z.infer<typeof ParallelNodeSchema>;
export type MapNode = z.infer<typeof MapNodeSchema>;
export type GroupNode = z.infer<typeof GroupNodeSchema>;
export type WaitNode = z.infer<typeof WaitNodeSchema>;
export type TimerNode = z.infer<typeof TimerNodeSchema>;
export type DecisionNode = z.infer<typeof DecisionNodeSchema>;
export type MonitorNode = z.infer<typeof MonitorNodeSchema>;
export type EndNode = z.infer<typeof EndNodeSchema>;
export type FailNode = z.infer<typeof FailNodeSchema>;
export type RetryPolicy = z.infer<typeof RetryPolicySchema>;
export type Duration = z.infer<typeof DurationSchema>;

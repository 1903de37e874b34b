/**
 * @flowcraft/definition: the workflow definition format v1 (zod schemas, JSON Schema), its
 * validation with node-addressed problems, and helpers to walk its graphs and expressions.
 */
export {
  DefinitionSchema,
  NodeSchema,
  GraphSchema,
  NodeIdSchema,
  ExpressionSchema,
  DurationSchema,
  EventNameSchema,
  RetryPolicySchema,
  OnErrorSchema,
  ApprovalSchema,
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
  UiSchema,
  NODE_KINDS,
  DEFINITION_VERSIONS,
  DEFINITION_SCHEMA_URL,
  MAX_DURATION_SECONDS,
  DEFAULT_ACTIVITY_TIMEOUT_SECONDS,
  MAX_SUBWORKFLOW_DEPTH,
} from "./schema.ts";
export type {
  Definition,
  Graph,
  Node,
  NodeKind,
  ActivityNode,
  SubworkflowNode,
  ParallelNode,
  MapNode,
  GroupNode,
  WaitNode,
  TimerNode,
  DecisionNode,
  MonitorNode,
  EndNode,
  FailNode,
  RetryPolicy,
  Duration,
} from "./schema.ts";
export { checkShape, validateDefinition } from "./validate.ts";
export type { ValidateOptions, ValidationResult } from "./validate.ts";
export { problemAt } from "./problems.ts";
export type { Problem } from "./problems.ts";
export { allGraphs, childGraphsOf, edgesOf } from "./graph.ts";
export type { Edge, ChildGraph, LocatedGraph } from "./graph.ts";
export { expressionsOf, checkExpression, syntaxTreeNodes, NON_DETERMINISTIC_FUNCTIONS } from "./expressions.ts";
export type { NodeExpression } from "./expressions.ts";
export { LinearRegExp } from "./linear-regex.ts";
export { MAX_DEFINITION_BYTES, MAX_NODES, MAX_DECISION_CHOICES, MAX_NESTING_DEPTH, MAX_JSON_DEPTH } from "./limits.ts";
export { BUILT_IN_ACTIVITIES } from "./built-ins.ts";
export type { BuiltInActivity } from "./built-ins.ts";
export { definitionJsonSchemaText } from "./json-schema.ts";
export { canonicalJson } from "./canonical-json.ts";

/** An instance and its history events, as people read them in a terminal. */
import type { HistoryEvent, Instance } from "@flowcraft/client";

const compact = (value: unknown) => JSON.stringify(value);

export function instanceText(instance: Instance): string {
  const lines = [
    `${instance.instanceId}  ${instance.workflowName} version ${instance.workflowVersion}  ${instance.runtimeStatus}`,
    `created ${instance.createdAt}, last updated ${instance.lastUpdatedAt}${instance.startedBy ? `, started by ${instance.startedBy}` : ""}`,
  ];
  if (instance.customStatus !== null && instance.customStatus !== undefined) lines.push(`custom status: ${compact(instance.customStatus)}`);
  if (instance.runtimeStatus === "COMPLETED") lines.push(`output: ${compact(instance.output ?? null)}`);
  if (instance.failure) lines.push(`failure: ${instance.failure.message}${instance.failure.node ? ` (at ${instance.failure.node})` : ""}`);
  return lines.join("\n");
}

export function eventText({ seq, at, type, generation: _generation, ...details }: HistoryEvent): string {
  const rest = Object.keys(details).length > 0 ? `  ${compact(details)}` : "";
  return `#${seq}  ${at}  ${type}${rest}`;
}

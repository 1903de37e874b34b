/** What a bulk action request may say, checked before any job exists: a 400 names what is wrong. */
import { RERUN_KINDS } from "@flowcraft/engine";
import { BULK_ACTIONS, BULK_JOB_STATUSES, INSTANCE_ID_PATTERN, MAX_BULK_IDS, type BulkFilter, type BulkJobSpec } from "@flowcraft/runtime";
import { z } from "zod";
import { InstanceSelectionInput, MAX_INT } from "../instance-filter.ts";

const Parameters = z
  .object({
    /** Recorded in each instance's history (terminate, suspend, resume). */
    reason: z.string().max(2000).optional(),
    /** For rerun. */
    mode: z.enum(RERUN_KINDS).optional(),
    version: z.number().int().min(1).max(MAX_INT).optional(),
    /** For raise_event. */
    eventName: z.string().min(1).max(200).optional(),
    payload: z.unknown().optional(),
  })
  .strict();

/** Which parameters each action takes; any other is refused, so a typo is not silently ignored. */
const PARAMETERS_OF: Record<(typeof BULK_ACTIONS)[number], ReadonlyArray<keyof z.infer<typeof Parameters>>> = {
  terminate: ["reason"],
  suspend: ["reason"],
  resume: ["reason"],
  rerun: ["mode", "version"],
  purge: [],
  raise_event: ["eventName", "payload"],
};

export const BulkRequestInput = z
  .object({
    action: z.enum(BULK_ACTIONS),
    /** The instances list's filter: every instance it matches now. */
    filter: InstanceSelectionInput.strict().optional(),
    /** Or these instances. */
    instanceIds: z
      .array(z.string().regex(INSTANCE_ID_PATTERN, "must be 1-200 letters, digits, . _ : or -"))
      .min(1, "select at least one instance")
      .max(MAX_BULK_IDS, `at most ${MAX_BULK_IDS} ids; act on more with a filter`)
      .optional(),
    parameters: Parameters.optional(),
  })
  .strict()
  .superRefine((request, context) => {
    if ((request.filter === undefined) === (request.instanceIds === undefined)) {
      context.addIssue({ code: "custom", path: [], message: "give either filter (the instances list's filter) or instanceIds, not both and not neither" });
    }
    const parameters = request.parameters ?? {};
    const allowed = PARAMETERS_OF[request.action];
    for (const name of Object.keys(parameters) as Array<keyof typeof parameters>) {
      if (!allowed.includes(name)) {
        context.addIssue({ code: "custom", path: ["parameters", name], message: `${request.action} takes ${allowed.length ? allowed.join(", ") : "no parameters"}` });
      }
    }
    if (request.action === "rerun" && !parameters.mode) context.addIssue({ code: "custom", path: ["parameters", "mode"], message: `rerun needs a mode: ${RERUN_KINDS.join(", ")}` });
    if (parameters.mode === "on_version" && parameters.version === undefined) {
      context.addIssue({ code: "custom", path: ["parameters", "version"], message: "a rerun on_version needs the version" });
    }
    if (request.action === "raise_event" && !parameters.eventName) context.addIssue({ code: "custom", path: ["parameters", "eventName"], message: "raise_event needs the event's name" });
  });
export type BulkRequest = z.infer<typeof BulkRequestInput>;

export const BulkJobListInput = z.object({
  status: z.array(z.enum(BULK_JOB_STATUSES)).optional(),
  limit: z.number().int().min(1).max(200).optional(),
});

export const BulkJobIdInput = z.string().min(1).max(200);

/** The job a checked request asks for; its filter's dates as ISO strings, as the job stores them. */
export function specOf(request: BulkRequest): BulkJobSpec {
  const parameters = request.parameters ?? {};
  const base = { action: request.action, parameters: { ...parameters, ...(request.action === "raise_event" ? { payload: parameters.payload ?? null } : {}) } } as BulkJobSpec;
  if (request.instanceIds) return { ...base, instanceIds: request.instanceIds };
  const { createdFrom, createdTo, ...rest } = request.filter!;
  const filter: BulkFilter = { ...rest, ...(createdFrom ? { createdFrom: createdFrom.toISOString() } : {}), ...(createdTo ? { createdTo: createdTo.toISOString() } : {}) };
  return { ...base, filter };
}

/** The instances list's filter, as JSON: the list, its counts and bulk actions take the same one. */
import { RUNTIME_STATUSES } from "@flowcraft/engine";
import { z } from "zod";

export const MAX_INT = 2_147_483_647;
const DateInput = z.iso.datetime({ offset: true }).transform((value) => new Date(value));

/** What the status chips count by: everything but status and waiting. */
export const InstanceFilterInput = z.object({
  workflowName: z.string().max(200).optional(),
  workflowVersion: z.number().int().min(1).max(MAX_INT).optional(),
  createdFrom: DateInput.optional(),
  createdTo: DateInput.optional(),
  /** Instances whose id starts with this. */
  instanceId: z.string().max(200).optional(),
  /** Test runs of drafts too; left out by default. */
  includeTests: z.boolean().optional(),
});

/** The instances a list shows, paging aside. */
export const InstanceSelectionInput = InstanceFilterInput.extend({
  status: z.array(z.enum(RUNTIME_STATUSES)).optional(),
  /** Only running instances that wait on an event or a timer. */
  waiting: z.boolean().optional(),
});

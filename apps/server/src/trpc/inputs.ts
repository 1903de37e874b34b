/** Input schemas several routers share. */
import { z } from "zod";

/** A workflow name; its pattern is checked by the runtime, which words the error. */
export const WorkflowNameInput = z.string().min(1).max(200);

/** Any JSON object: whether it is a valid definition is for publishing to decide. */
export const DraftDefinitionInput = z.record(z.string(), z.unknown());

/** The draft revision the editor holds: 0 when no draft is stored. */
export const ExpectedRevisionInput = z.number().int().min(0).max(2_147_483_647);

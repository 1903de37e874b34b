/**
 * What Run offers for the draft on screen: the published version it is, or, when it is not one
 * (edited since, or never published), a choice between publishing it and a test run of it.
 */
import { canonicalJson, type Definition } from "@flowcraft/definition";

export type RunChoice =
  /** The draft is the latest published version: run that version. */
  | { kind: "published"; version: number }
  /** The draft is not published as it is: `published` is the latest version (null: none), `next` the one publishing makes. */
  | { kind: "draft"; published: number | null; next: number };

export function runChoiceOf(draft: Definition, latest: { version: number; definition: Definition } | null): RunChoice {
  if (latest && canonicalJson(latest.definition) === canonicalJson(draft)) return { kind: "published", version: latest.version };
  return { kind: "draft", published: latest?.version ?? null, next: (latest?.version ?? 0) + 1 };
}

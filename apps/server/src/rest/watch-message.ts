/** What each message of `GET /api/v1/instances/{id}/watch` holds, for the web app to read. */
import type { Definition } from "@flowcraft/definition";
import type { HistoryEvent } from "@flowcraft/engine";
import type { InstanceView } from "@flowcraft/runtime";

export interface InstanceWatchMessage {
  /** The instance as `GET /api/v1/instances/{id}` gives it, read after this message's events. */
  instance: InstanceView;
  /** Events after the previous message (or after `afterSeq`), in order. */
  events: Array<HistoryEvent & { generation: number }>;
  /** The seq of the last event sent so far: the message's id, and where a watch resumes. */
  seq: number;
  /** The newest event when this message was read: until `seq` reaches it, more of the backlog follows. */
  lastSeq: number;
  /** The definition of the instance's version, in the first message only. */
  definition?: Definition;
}

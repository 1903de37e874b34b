-- Instance ids, and the activity, wait and dedupe keys stored with them, compare byte by byte.
-- Under the database's default collation (often a libc locale such as en_US.UTF-8 or C.UTF-8,
-- which Postgres 15 does not treat as C), every comparison in these keys' indexes copied both
-- strings and called strcoll: each history and task row's insert, every `= ANY(ids)` of a
-- store, which sorts its array first, and every claim. Equality is the same under both; order
-- is not (en_US.UTF-8 sorts upper- and lower-case letters together, "C" by byte). Only the
-- instance list orders by an id, to break ties of the same creation time, and its cursors
-- compare under the column's collation, so they keep to the new order.
ALTER TABLE "instance"
  ALTER COLUMN "id" TYPE TEXT COLLATE "C",
  ALTER COLUMN "parent_instance_id" TYPE TEXT COLLATE "C",
  ALTER COLUMN "origin_instance_id" TYPE TEXT COLLATE "C";
ALTER TABLE "history_event" ALTER COLUMN "instance_id" TYPE TEXT COLLATE "C";
ALTER TABLE "activity_task"
  ALTER COLUMN "instance_id" TYPE TEXT COLLATE "C",
  ALTER COLUMN "activity_id" TYPE TEXT COLLATE "C",
  ALTER COLUMN "activity" TYPE TEXT COLLATE "C";
ALTER TABLE "inbox_message"
  ALTER COLUMN "instance_id" TYPE TEXT COLLATE "C",
  ALTER COLUMN "dedupe_key" TYPE TEXT COLLATE "C";
ALTER TABLE "open_wait"
  ALTER COLUMN "instance_id" TYPE TEXT COLLATE "C",
  ALTER COLUMN "wait_id" TYPE TEXT COLLATE "C",
  ALTER COLUMN "kind" TYPE TEXT COLLATE "C";
ALTER TABLE "raised_event"
  ALTER COLUMN "instance_id" TYPE TEXT COLLATE "C",
  ALTER COLUMN "event_id" TYPE TEXT COLLATE "C";
ALTER TABLE "ended_generation" ALTER COLUMN "instance_id" TYPE TEXT COLLATE "C";
ALTER TABLE "schedule" ALTER COLUMN "last_instance_id" TYPE TEXT COLLATE "C";

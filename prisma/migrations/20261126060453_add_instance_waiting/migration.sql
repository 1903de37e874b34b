-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "waiting" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "instance_waiting_created_at_idx" ON "instance"("waiting", "created_at");


-- Backfill: running and suspended instances with an event wait neither answered nor timed out, or
-- a timer of their own (not a wait's timeout) not fired, in their current generation. From now
-- on, each stored turn sets the flag.
UPDATE "instance" i SET "waiting" = true
WHERE i."status" IN ('RUNNING', 'SUSPENDED') AND EXISTS (
  SELECT 1 FROM "history_event" w
  WHERE w."instance_id" = i."id" AND w."generation" = i."generation"
    AND (w."type" = 'event_wait_started' OR (w."type" = 'timer_created' AND w."data"->>'purpose' <> 'wait_timeout'))
    AND NOT EXISTS (
      SELECT 1 FROM "history_event" e
      WHERE e."instance_id" = w."instance_id" AND e."generation" = w."generation" AND (
        (w."type" = 'event_wait_started' AND (
          (e."type" = 'event_consumed' AND e."data"->>'waitId' = w."data"->>'waitId')
          OR (e."type" = 'timer_fired' AND e."data"->>'timerId' = (w."data"->>'waitId') || ':timeout')))
        OR (w."type" = 'timer_created' AND e."type" = 'timer_fired' AND e."data"->>'timerId' = w."data"->>'timerId'))));

-- CreateTable
CREATE TABLE "raised_event" (
    "instance_id" TEXT NOT NULL,
    "event_id" TEXT NOT NULL,

    CONSTRAINT "raised_event_pkey" PRIMARY KEY ("instance_id","event_id")
);

-- AddForeignKey
ALTER TABLE "raised_event" ADD CONSTRAINT "raised_event_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Backfill: events recorded before this table existed are repeats too when raised again.
INSERT INTO "raised_event" ("instance_id", "event_id")
SELECT DISTINCT "instance_id", "data"->>'eventId' FROM "history_event" WHERE "type" = 'event_raised';

-- CreateTable
CREATE TABLE "open_wait" (
    "instance_id" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "wait_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "event" TEXT,
    "approval" JSONB,
    "seq" INTEGER NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL,
    "due_at" TIMESTAMPTZ(3),

    CONSTRAINT "open_wait_pkey" PRIMARY KEY ("instance_id","generation","wait_id")
);

-- CreateIndex
CREATE INDEX "open_wait_kind_started_at_instance_id_seq_idx" ON "open_wait"("kind", "started_at", "instance_id", "seq");

-- AddForeignKey
ALTER TABLE "open_wait" ADD CONSTRAINT "open_wait_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;



-- Backfill: each instance in flight takes a turn that records what it waits on as the engine
-- reads its history (and sets its waiting flag afresh); from now on, each stored turn keeps it.
INSERT INTO "inbox_message" ("instance_id", "kind", "data", "dedupe_key")
SELECT "id", 'record_waits', '{}'::jsonb, 'record_waits' FROM "instance" WHERE "status" IN ('RUNNING', 'SUSPENDED')
ON CONFLICT ("instance_id", "dedupe_key") DO NOTHING;

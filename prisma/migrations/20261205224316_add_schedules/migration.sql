-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "schedule_id" TEXT,
ADD COLUMN     "scheduled_at" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "schedule" (
    "id" TEXT NOT NULL,
    "workflow_name" TEXT NOT NULL,
    "cron" TEXT,
    "interval_seconds" INTEGER,
    "time_zone" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "input_expression" TEXT,
    "start_at" TIMESTAMPTZ(3),
    "end_at" TIMESTAMPTZ(3),
    "jitter_seconds" INTEGER NOT NULL DEFAULT 0,
    "paused" BOOLEAN NOT NULL DEFAULT false,
    "overlap" TEXT NOT NULL,
    "catchup_window_seconds" INTEGER NOT NULL,
    "next_run_at" TIMESTAMPTZ(3),
    "next_fire_at" TIMESTAMPTZ(3),
    "buffered_at" TIMESTAMPTZ(3),
    "last_instance_id" TEXT,
    "last_error" TEXT,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "created_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "schedule_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "schedule_workflow_name_idx" ON "schedule"("workflow_name");

-- CreateIndex
CREATE INDEX "schedule_next_fire_at_idx" ON "schedule"("next_fire_at");

-- CreateIndex
CREATE INDEX "instance_schedule_id_scheduled_at_idx" ON "instance"("schedule_id", "scheduled_at");

-- AddForeignKey
ALTER TABLE "schedule" ADD CONSTRAINT "schedule_workflow_name_fkey" FOREIGN KEY ("workflow_name") REFERENCES "workflow"("name") ON DELETE CASCADE ON UPDATE CASCADE;


-- CreateTable
CREATE TABLE "bulk_job" (
    "id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "parameters" JSONB NOT NULL,
    "filter" JSONB,
    "instance_ids" TEXT[],
    "created_by" TEXT NOT NULL,
    "created_by_roles" TEXT[],
    "created_by_kind" TEXT NOT NULL,
    "created_by_groups" TEXT[],
    "status" TEXT NOT NULL DEFAULT 'queued',
    "matched" INTEGER NOT NULL,
    "done" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "problems" JSONB NOT NULL DEFAULT '[]',
    "last_error" TEXT,
    "cursor" TEXT,
    "in_flight_id" TEXT,
    "cancel_requested_by" TEXT,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "started_at" TIMESTAMPTZ(3),
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "bulk_job_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "bulk_job_status_created_at_idx" ON "bulk_job"("status", "created_at");

-- CreateIndex
CREATE INDEX "bulk_job_created_at_idx" ON "bulk_job"("created_at");


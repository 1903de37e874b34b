-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "RuntimeStatus" AS ENUM ('PENDING', 'RUNNING', 'SUSPENDED', 'COMPLETED', 'FAILED', 'TERMINATED');

-- CreateTable
CREATE TABLE "workflow" (
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_pkey" PRIMARY KEY ("name")
);

-- CreateTable
CREATE TABLE "workflow_version" (
    "workflow_name" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "definition" JSONB NOT NULL,
    "hash" TEXT NOT NULL,
    "published_by" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "workflow_version_pkey" PRIMARY KEY ("workflow_name","version")
);

-- CreateTable
CREATE TABLE "instance" (
    "id" TEXT NOT NULL,
    "workflow_name" TEXT NOT NULL,
    "workflow_version" INTEGER NOT NULL,
    "status" "RuntimeStatus" NOT NULL DEFAULT 'PENDING',
    "input" JSONB NOT NULL,
    "output" JSONB,
    "failure" JSONB,
    "custom_status" JSONB,
    "generation" INTEGER NOT NULL DEFAULT 1,
    "last_seq" INTEGER NOT NULL DEFAULT 0,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "instance_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "history_event" (
    "instance_id" TEXT NOT NULL,
    "seq" INTEGER NOT NULL,
    "generation" INTEGER NOT NULL,
    "type" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "history_event_pkey" PRIMARY KEY ("instance_id","seq")
);

-- CreateTable
CREATE TABLE "inbox_message" (
    "id" BIGSERIAL NOT NULL,
    "instance_id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "dedupe_key" TEXT NOT NULL,
    "visible_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "inbox_message_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_task" (
    "id" BIGSERIAL NOT NULL,
    "instance_id" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "activity_id" TEXT NOT NULL,
    "activity" TEXT NOT NULL,
    "node" TEXT NOT NULL,
    "input" JSONB NOT NULL,
    "attempt" INTEGER NOT NULL,
    "timeout_seconds" DOUBLE PRECISION NOT NULL,
    "visible_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_owner" TEXT,
    "lease_expires_at" TIMESTAMPTZ(3),
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_task_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "activity_registration" (
    "name" TEXT NOT NULL,
    "last_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "activity_registration_pkey" PRIMARY KEY ("name")
);

-- CreateIndex
CREATE INDEX "instance_workflow_name_created_at_idx" ON "instance"("workflow_name", "created_at");

-- CreateIndex
CREATE INDEX "instance_status_created_at_idx" ON "instance"("status", "created_at");

-- CreateIndex
CREATE INDEX "instance_created_at_idx" ON "instance"("created_at");

-- CreateIndex
CREATE INDEX "inbox_message_visible_at_idx" ON "inbox_message"("visible_at");

-- CreateIndex
CREATE UNIQUE INDEX "inbox_message_instance_id_dedupe_key_key" ON "inbox_message"("instance_id", "dedupe_key");

-- CreateIndex
CREATE INDEX "activity_task_activity_visible_at_idx" ON "activity_task"("activity", "visible_at");

-- CreateIndex
CREATE UNIQUE INDEX "activity_task_instance_id_generation_activity_id_attempt_key" ON "activity_task"("instance_id", "generation", "activity_id", "attempt");

-- AddForeignKey
ALTER TABLE "workflow_version" ADD CONSTRAINT "workflow_version_workflow_name_fkey" FOREIGN KEY ("workflow_name") REFERENCES "workflow"("name") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "history_event" ADD CONSTRAINT "history_event_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "inbox_message" ADD CONSTRAINT "inbox_message_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "activity_task" ADD CONSTRAINT "activity_task_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable
ALTER TABLE "activity_task" ADD COLUMN     "deadline_at" TIMESTAMPTZ(3),
ADD COLUMN     "heartbeat_details" JSONB,
ADD COLUMN     "heartbeat_timeout_seconds" DOUBLE PRECISION;


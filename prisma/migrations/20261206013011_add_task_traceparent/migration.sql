-- AlterTable
ALTER TABLE "activity_task" ADD COLUMN     "traceparent" TEXT;


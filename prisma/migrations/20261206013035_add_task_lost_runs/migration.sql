-- AlterTable
ALTER TABLE "activity_task" ADD COLUMN     "lost_runs" INTEGER NOT NULL DEFAULT 0;


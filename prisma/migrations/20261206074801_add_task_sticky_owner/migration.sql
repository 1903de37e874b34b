-- AlterTable
ALTER TABLE "activity_task" ADD COLUMN     "sticky_owner" TEXT;


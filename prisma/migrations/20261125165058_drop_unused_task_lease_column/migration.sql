-- AlterTable
ALTER TABLE "activity_task" DROP COLUMN "lease_expires_at";


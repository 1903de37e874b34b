-- AlterTable
ALTER TABLE "workflow" ADD COLUMN     "retention_days" INTEGER;

-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "ended_at" TIMESTAMPTZ(3);

-- CreateIndex
CREATE INDEX "instance_ended_at_idx" ON "instance"("ended_at");


-- Instances that ended before this migration: their last change is when they ended.
UPDATE "instance" SET "ended_at" = "updated_at" WHERE "status" IN ('COMPLETED', 'FAILED', 'TERMINATED');

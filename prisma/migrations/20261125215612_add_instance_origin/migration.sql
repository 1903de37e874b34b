-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "origin_instance_id" TEXT,
ADD COLUMN     "origin_kind" TEXT;

-- CreateIndex
CREATE INDEX "instance_origin_instance_id_idx" ON "instance"("origin_instance_id");


-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "depth" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "parent_attempt" INTEGER,
ADD COLUMN     "parent_generation" INTEGER,
ADD COLUMN     "parent_instance_id" TEXT,
ADD COLUMN     "parent_node" TEXT,
ADD COLUMN     "parent_step_id" TEXT,
ADD COLUMN     "terminate_with_parent" BOOLEAN NOT NULL DEFAULT false;

-- CreateIndex
CREATE INDEX "instance_parent_instance_id_idx" ON "instance"("parent_instance_id");


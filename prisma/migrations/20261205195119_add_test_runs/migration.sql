-- AlterTable
ALTER TABLE "workflow_version" ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "test" BOOLEAN NOT NULL DEFAULT false;


-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "started_by" TEXT;


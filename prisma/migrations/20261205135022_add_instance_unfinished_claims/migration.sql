-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "unfinished_claims" INTEGER NOT NULL DEFAULT 0;


-- A message or task stored as visible now() was rounded up to the millisecond, so a claim in
-- the same instant passed it over: the worker woken for it found nothing and had to look again.
-- Widening the precision changes no stored value and rewrites neither table.
-- AlterTable
ALTER TABLE "inbox_message" ALTER COLUMN "visible_at" SET DATA TYPE TIMESTAMPTZ(6);

-- AlterTable
ALTER TABLE "activity_task" ALTER COLUMN "visible_at" SET DATA TYPE TIMESTAMPTZ(6);


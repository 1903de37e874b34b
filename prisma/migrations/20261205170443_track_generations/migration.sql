-- AlterTable
ALTER TABLE "instance" ADD COLUMN     "generation_start_seq" INTEGER NOT NULL DEFAULT 1;

-- CreateTable
CREATE TABLE "ended_generation" (
    "instance_id" TEXT NOT NULL,
    "generation" INTEGER NOT NULL,
    "first_seq" INTEGER NOT NULL,
    "last_seq" INTEGER NOT NULL,
    "ended_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "ended_generation_pkey" PRIMARY KEY ("instance_id","generation")
);

-- CreateIndex
CREATE INDEX "ended_generation_ended_at_idx" ON "ended_generation"("ended_at");

-- AddForeignKey
ALTER TABLE "ended_generation" ADD CONSTRAINT "ended_generation_instance_id_fkey" FOREIGN KEY ("instance_id") REFERENCES "instance"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Instances that continued as new before this migration: where their generation starts, and
-- the ranges of the generations they left behind.
UPDATE "instance" i SET "generation_start_seq" = g.first_seq
FROM (
  SELECT h.instance_id, min(h.seq) AS first_seq
  FROM "history_event" h JOIN "instance" c ON c.id = h.instance_id AND h.generation = c.generation
  WHERE c.generation > 1
  GROUP BY h.instance_id
) g
WHERE i.id = g.instance_id;

INSERT INTO "ended_generation" ("instance_id", "generation", "first_seq", "last_seq", "ended_at")
SELECT h.instance_id, h.generation, min(h.seq), max(h.seq), max(h.at)
FROM "history_event" h JOIN "instance" c ON c.id = h.instance_id AND h.generation < c.generation
GROUP BY h.instance_id, h.generation;

-- History data is kept as the text the runtime wrote: see HistoryEvent.data in schema.prisma.
-- Events stored before keep the text jsonb prints, whose values are in the same canonical key
-- order as those the runtime writes, so they read back as before.
ALTER TABLE "history_event" ALTER COLUMN "data" SET DATA TYPE JSON USING "data"::json;

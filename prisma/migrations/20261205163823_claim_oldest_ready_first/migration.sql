-- DropIndex
DROP INDEX "inbox_message_visible_at_idx";

-- CreateIndex
CREATE INDEX "inbox_message_visible_at_id_idx" ON "inbox_message"("visible_at", "id");

-- CreateIndex
CREATE INDEX "inbox_message_instance_id_visible_at_id_idx" ON "inbox_message"("instance_id", "visible_at", "id");


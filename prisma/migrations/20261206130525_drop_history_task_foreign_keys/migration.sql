-- DropForeignKey
ALTER TABLE "history_event" DROP CONSTRAINT "history_event_instance_id_fkey";

-- DropForeignKey
ALTER TABLE "activity_task" DROP CONSTRAINT "activity_task_instance_id_fkey";


-- What the foreign keys' cascade did, once per statement rather than once per row: every
-- statement that deletes instances deletes their history and tasks with them. A statement of the
-- function sees what a transaction it waited for wrote for those instances before committing.
CREATE FUNCTION "flowcraft_delete_instance_rows"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "history_event" h USING "deleted_instance" d WHERE h."instance_id" = d."id";
  DELETE FROM "activity_task" t USING "deleted_instance" d WHERE t."instance_id" = d."id";
  RETURN NULL;
END
$$;

CREATE TRIGGER "instance_delete_owned_rows" AFTER DELETE ON "instance"
  REFERENCING OLD TABLE AS "deleted_instance"
  FOR EACH STATEMENT EXECUTE FUNCTION "flowcraft_delete_instance_rows"();

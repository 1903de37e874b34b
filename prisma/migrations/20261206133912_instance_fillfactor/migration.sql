-- Room on each page for a new version of an instance row: an update that changes no indexed
-- column (a claim's lease, a turn that leaves the status as it was) can then stay on its page as
-- a HOT update, which writes none of the table's nine index entries. Pages filled to the brim
-- left no room, and 85% of a fan-out's instance updates wrote every index.
ALTER TABLE "instance" SET (fillfactor = 70);

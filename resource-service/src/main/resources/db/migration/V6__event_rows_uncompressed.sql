-- Event rows live briefly (compaction drops them) and are read about twice each, by the outbox
-- and by watches. A MODIFIED row's two bodies (the object and its previous state) pass
-- PostgreSQL's 2 kB TOAST threshold, and compressing them on insert and decompressing them on
-- each read took about 3 % of PostgreSQL's CPU under pod churn (perf, bench scheduler). Rows up
-- to a whole page now stay inline and uncompressed.
ALTER TABLE object_events SET (toast_tuple_target = 8160);

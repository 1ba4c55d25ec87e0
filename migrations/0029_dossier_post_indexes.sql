-- The dossiers received and returned by post in a period (postal's postalActivity: the postal report, the outreach
-- report and the reform report's figures) are few, and without these partial indexes were found by reading every
-- dossier: 1.8 s for a province of 10 million dossiers (bench/province.ts). Built while the migration holds the table;
-- on a large live database run it at a quiet hour.
CREATE INDEX dossiers_post_received_idx ON dossiers (unit_id, received_at) WHERE channel = 'post';
CREATE INDEX dossiers_post_returned_idx ON dossiers (unit_id, returned_at) WHERE return_channel = 'post';

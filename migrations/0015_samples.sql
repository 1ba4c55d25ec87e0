-- Sample filled dossiers (hồ sơ mẫu), issue 6 item 1: files a unit uploads to show citizens how a procedure's
-- dossier looks when filled in (a scanned sample declaration, a photo of a filled form). Public once uploaded, at a
-- stable URL /ho-so-mau/<id>/<slug>.<ext>. See src/modules/samples.
--
-- Stored in PostgreSQL with their SHA-256 (STACK.md: one backup holds everything, any process serves them), at most
-- 5 MB, typed by content (PDF, JPEG, PNG or DOCX), never by the name or the type the browser claimed.
-- PERSONAL DATA: none intended. The upload page tells officials to fill samples with made-up details, never a real
-- citizen's dossier; a sample found to hold one is deleted (sample.delete in audit_log).
CREATE TABLE procedure_samples (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  procedure_id bigint NOT NULL REFERENCES procedures(id),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  note text CHECK (length(note) BETWEEN 1 AND 1000),
  mime text NOT NULL CHECK (mime IN (
    'application/pdf', 'image/jpeg', 'image/png', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document')),
  size int NOT NULL CHECK (size BETWEEN 1 AND 5242880),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When the file or its title last changed (a replacement keeps the id, so links and QR codes keep working).
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(content) = size)
);
CREATE INDEX procedure_samples_procedure_idx ON procedure_samples(procedure_id, unit_id, created_at);
CREATE INDEX procedure_samples_unit_idx ON procedure_samples(unit_id, procedure_id);

-- Declaration sets (bộ tờ khai): the forms a citizen would otherwise write by hand, filled at the one-stop desk
-- from the ID-card QR and a few typed boxes, printed ready to sign (src/modules/forms). Templates are code-side
-- data (src/modules/forms/templates); a set stores the template keys and versions it was filled under.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): declaration_sets.identities (what the card's QR holds) and
-- declaration_sets.field_values (names, dates of birth, residence, ID numbers of the people on the forms). Used
-- only for that set's forms (purpose-bound); every staff read is written to audit_log (action
-- 'declaration_set.read', naming the set id, never the data). A set not attached to a dossier is deleted by the
-- job forms.purge-unattached once purge_after has passed (24 hours after it was made).
CREATE TABLE declaration_sets (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),                 -- the desk's unit: only its staff see the set
  created_by bigint REFERENCES users(id),
  dossier_id bigint REFERENCES dossiers(id),                    -- set once the dossier is received
  procedure_code text CHECK (procedure_code ~ '^[0-9]{1,2}\.[0-9]{5,6}$'),
  -- [{"key": "birth-registration", "version": 1}, …]: the templates and the versions the set was filled under.
  templates jsonb NOT NULL CHECK (jsonb_typeof(templates) = 'array' AND jsonb_array_length(templates) BETWEEN 1 AND 10),
  identities jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(identities) = 'array'),   -- PERSONAL DATA
  field_values jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(field_values) = 'object'), -- PERSONAL DATA
  -- Warnings the card reader raised (codes and messages only), shown to the clerk.
  warnings jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(warnings) = 'array'),
  version int NOT NULL DEFAULT 1 CHECK (version >= 1),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  purge_after timestamptz,                                      -- NULL once attached to a dossier
  CHECK ((dossier_id IS NULL) = (purge_after IS NOT NULL))
);
CREATE INDEX declaration_sets_unit_idx ON declaration_sets(unit_id, created_at DESC);
CREATE INDEX declaration_sets_purge_idx ON declaration_sets(purge_after) WHERE dossier_id IS NULL;
CREATE INDEX declaration_sets_dossier_idx ON declaration_sets(dossier_id) WHERE dossier_id IS NOT NULL;

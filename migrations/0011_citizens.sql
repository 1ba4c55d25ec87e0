-- Citizens signed in through VNeID (tài khoản định danh điện tử, Nghị định 69/2024/NĐ-CP) as an OpenID Connect
-- relying party: one row per person at an issuer, keyed by the provider's subject identifier. Written at each sign-in
-- from the claims VNeID returns; see src/modules/citizens/.
--
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): full_name, id_number, date_of_birth, sex, address, phone, email.
-- They are kept to show the citizen their own details and dossiers and to pre-fill their declarations; presenters in
-- src/modules/citizens/present.ts decide which of them leave the server. Audit rows name the citizen by row id only.
CREATE TABLE citizens (
  id bigserial PRIMARY KEY,
  issuer text NOT NULL,
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
  -- PERSONAL DATA
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  id_number text NOT NULL CHECK (id_number ~ '^[0-9]{12}$'),   -- số định danh cá nhân
  date_of_birth date,
  sex text CHECK (sex IN ('Nam', 'Nữ')),
  address text CHECK (length(address) <= 500),
  phone text CHECK (length(phone) <= 30),
  email text CHECK (length(email) <= 200),
  -- The `acr` of the last sign-in (the VNeID account level as the provider names it).
  last_acr text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_sign_in_at timestamptz NOT NULL DEFAULT now(),
  CONSTRAINT citizens_subject_uq UNIQUE (issuer, subject)
);
CREATE INDEX citizens_id_number_idx ON citizens(id_number);

-- "My dossiers": a citizen's dossiers are those whose applicant ID number is theirs.
CREATE INDEX dossiers_applicant_id_number_idx ON dossiers(applicant_id_number, received_at DESC) WHERE applicant_id_number IS NOT NULL;

-- Foundation: search helpers, units, staff and roles, sessions, API keys, audit log.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Lower-case, diacritic-free text for search. unaccent's default rules map Đ/đ to D/d.
-- IMMUTABLE so it can back indexes and generated columns; the dictionary is named explicitly.
CREATE OR REPLACE FUNCTION vn_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

CREATE TABLE app_state (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Units form a tree of any depth (province, commune/ward, departments, police, post office …).
-- `path` is the materialised list of ancestor ids, '/1/5/23/', for subtree checks.
CREATE TABLE units (
  id bigserial PRIMARY KEY,
  code text NOT NULL UNIQUE CHECK (code ~ '^[a-z0-9][a-z0-9-]{1,62}$'),
  admin_code text UNIQUE,            -- mã đơn vị hành chính (national code) where one exists
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kind text NOT NULL CHECK (kind IN ('province','city','town','district','commune','ward','department','police','post_office','other')),
  parent_id bigint REFERENCES units(id),
  path text NOT NULL,
  depth int NOT NULL,
  weekend_days smallint[] NOT NULL DEFAULT '{0,6}',
  office_hours jsonb NOT NULL DEFAULT '[{"days":[1,2,3,4,5],"open":"07:00","close":"11:30"},{"days":[1,2,3,4,5],"open":"13:30","close":"17:00"}]',
  address text,
  phone text,
  email text,
  merged_into_id bigint REFERENCES units(id),
  merged_on date,                    -- sáp nhập: from this date the unit's work belongs to merged_into_id
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((merged_into_id IS NULL) = (merged_on IS NULL))
);
CREATE INDEX units_parent_idx ON units(parent_id);
CREATE INDEX units_path_idx ON units(path text_pattern_ops);
CREATE INDEX units_search_idx ON units USING gin (vn_unaccent(name) gin_trgm_ops);

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 2 AND 120),
  title text,                        -- chức vụ
  email text,
  phone text,
  password_hash text,
  active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  failed_logins int NOT NULL DEFAULT 0,
  locked_until timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX users_search_idx ON users USING gin (vn_unaccent(full_name || ' ' || username) gin_trgm_ops);

-- A role held at a unit, optionally over the unit's whole subtree.
CREATE TABLE role_grants (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  role text NOT NULL CHECK (role IN ('system_admin','unit_leader','one_stop_clerk','specialist','home_affairs_officer','post_office_staff','support_volunteer')),
  unit_id bigint NOT NULL REFERENCES units(id),
  subtree boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (user_id, role, unit_id)
);
CREATE INDEX role_grants_unit_idx ON role_grants(unit_id);

-- Server-side sessions shared by every app process.
CREATE TABLE sessions (
  sid text PRIMARY KEY,
  data jsonb NOT NULL,
  user_id bigint REFERENCES users(id) ON DELETE CASCADE,
  expires_at timestamptz NOT NULL
);
CREATE INDEX sessions_expires_idx ON sessions(expires_at);
CREATE INDEX sessions_user_idx ON sessions(user_id);

-- API keys for integrations; only a SHA-256 of the key is stored.
CREATE TABLE api_keys (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  prefix text NOT NULL,
  token_hash text NOT NULL UNIQUE,
  scopes text[] NOT NULL,
  unit_id bigint REFERENCES units(id),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  last_used_at timestamptz,
  revoked_at timestamptz
);

-- Append-only audit trail: who, when, from where, what (before/after).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id bigint,
  actor_label text NOT NULL,
  ip text,
  request_id text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text,
  unit_id bigint,
  before jsonb,
  after jsonb
);
CREATE INDEX audit_log_at_idx ON audit_log(at DESC);
CREATE INDEX audit_log_entity_idx ON audit_log(entity_type, entity_id);
CREATE INDEX audit_log_actor_idx ON audit_log(actor_user_id);
CREATE INDEX audit_log_unit_idx ON audit_log(unit_id);

CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();

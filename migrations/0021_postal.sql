-- Post office as partner (M7: tiếp nhận hồ sơ, trả kết quả qua dịch vụ bưu chính công ích).
-- A post office is a unit of kind 'post_office' whose staff hold the role post_office_staff; it serves the
-- administrative units listed in post_office_units. A dossier travels by post in shipments: inbound (citizen → desk:
-- legs 'pickup' then 'delivery_to_desk') or outbound (desk → citizen: 'result_to_post' then 'delivery_to_citizen').
-- Each recorded step is a postal_events row. The post office sees only the shipments handed to it.
-- PERSONAL DATA (Luật Bảo vệ dữ liệu cá nhân 2025): postal_shipments.recipient_* (name, phone, address).

CREATE TABLE post_office_units (
  post_office_unit_id bigint NOT NULL REFERENCES units(id),
  served_unit_id bigint NOT NULL REFERENCES units(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_office_unit_id, served_unit_id),
  CHECK (post_office_unit_id <> served_unit_id)
);
CREATE INDEX post_office_units_served_idx ON post_office_units(served_unit_id);

CREATE TABLE postal_shipments (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers(id),
  -- The dossier's receiving unit (the owning unit in the key of the large tables, STACK.md).
  unit_id bigint NOT NULL REFERENCES units(id),
  direction text NOT NULL CHECK (direction IN ('inbound', 'outbound')),
  post_office_unit_id bigint NOT NULL REFERENCES units(id),
  -- Số hiệu bưu gửi: UPU S10 (2 letters, 8 digits, check digit, 2-letter country), or the post office's own code.
  item_number text CHECK (item_number ~ '^[A-Z0-9]{9,13}$'),
  item_number_domestic boolean NOT NULL DEFAULT false,
  recipient_name text NOT NULL CHECK (length(recipient_name) BETWEEN 2 AND 200),
  recipient_phone text CHECK (length(recipient_phone) <= 20),
  recipient_address text NOT NULL CHECK (length(recipient_address) BETWEEN 5 AND 500),
  fee_vnd bigint CHECK (fee_vnd BETWEEN 0 AND 100000000),   -- cước bưu chính
  status text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'picked_up', 'in_transit', 'delivered', 'failed', 'returned')),
  failure_reason text CHECK (length(failure_reason) <= 1000),
  picked_up_at timestamptz,
  delivered_at timestamptz,
  ended_at timestamptz,
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  version int NOT NULL DEFAULT 1
);
-- One live shipment per dossier and direction (a shipment returned to the sender frees the way for a new one).
CREATE UNIQUE INDEX postal_shipments_live_idx ON postal_shipments(dossier_id, direction) WHERE status <> 'returned';
CREATE INDEX postal_shipments_post_office_idx ON postal_shipments(post_office_unit_id, status, created_at DESC);
CREATE INDEX postal_shipments_unit_idx ON postal_shipments(unit_id, created_at);
-- Not unique: S10 numbers may be reused after 12 months (UPU S10).
CREATE INDEX postal_shipments_item_idx ON postal_shipments(item_number) WHERE item_number IS NOT NULL;

CREATE TABLE postal_events (
  id bigserial PRIMARY KEY,
  shipment_id bigint NOT NULL REFERENCES postal_shipments(id),
  step text NOT NULL CHECK (step IN ('pickup', 'delivery_to_desk', 'result_to_post', 'delivery_to_citizen')),
  status text NOT NULL CHECK (status IN ('created', 'picked_up', 'in_transit', 'delivered', 'failed', 'returned')),
  item_number text,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id bigint REFERENCES users(id),
  actor_label text NOT NULL,
  note text CHECK (length(note) <= 1000)
);
CREATE INDEX postal_events_shipment_idx ON postal_events(shipment_id, at);

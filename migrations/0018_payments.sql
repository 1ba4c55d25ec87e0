-- Cashless fees (thanh toán không dùng tiền mặt, model M12; issue 8 item 5): each unit's collection accounts, the
-- fees and charges of each dossier with the VietQR that pays them, the transfers the bank reports (statement imports
-- and gateway webhooks), how each transfer was matched, and the fee receipts. See src/modules/payments.
--
-- PERSONAL DATA: payments.payer_name and payer_account (as the bank reports them), fee_receipts.payer_name. Shown to
-- staff of the unit only; never in logs; statement files are not kept, only their lines' facts and a hash.

-- A unit's collection accounts (tài khoản chuyên thu), one marked default; a counter (quầy) may have its own.
CREATE TABLE unit_payment_accounts (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  -- NAPAS bank identification number (6 digits) and the account number (or card number).
  bank_bin text NOT NULL CHECK (bank_bin ~ '^[0-9]{6}$'),
  account_no text NOT NULL CHECK (account_no ~ '^[0-9A-Za-z]{1,19}$'),
  account_name text NOT NULL CHECK (length(account_name) BETWEEN 2 AND 120),
  bank_name text CHECK (length(bank_name) <= 120),
  -- 'account' (QRIBFTTA) or 'card' (QRIBFTTC).
  target text NOT NULL DEFAULT 'account' CHECK (target IN ('account', 'card')),
  -- A counter label (quầy số 1 …) when the account belongs to one counter; null: the whole unit.
  counter text CHECK (length(counter) BETWEEN 1 AND 60),
  is_default boolean NOT NULL DEFAULT false,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX unit_payment_accounts_default_uq ON unit_payment_accounts(unit_id) WHERE is_default AND active;

-- The fees and charges (phí, lệ phí) a dossier owes, each with its payment reference (nội dung chuyển khoản), e.g.
-- 'GD' + 10 characters, unique, written into the VietQR's purpose field (62/08) so the bank statement brings it back.
CREATE TABLE dossier_fees (
  id bigserial PRIMARY KEY,
  dossier_id bigint NOT NULL REFERENCES dossiers(id),
  unit_id bigint NOT NULL REFERENCES units(id),
  account_id bigint REFERENCES unit_payment_accounts(id),
  kind text NOT NULL CHECK (kind IN ('fee', 'charge', 'postal', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 300),
  amount_vnd bigint NOT NULL CHECK (amount_vnd BETWEEN 0 AND 100000000000),
  reference text NOT NULL UNIQUE CHECK (reference ~ '^[A-Z0-9]{6,25}$'),
  -- The counter where it was charged, for the cashless rate per counter.
  counter text CHECK (length(counter) BETWEEN 1 AND 60),
  -- due: waiting; paid: fully paid; waived: exempt (miễn, giảm) with a reason; cancelled.
  status text NOT NULL DEFAULT 'due' CHECK (status IN ('due', 'paid', 'waived', 'cancelled')),
  paid_vnd bigint NOT NULL DEFAULT 0 CHECK (paid_vnd >= 0),
  -- How it was paid in the end: transfer (cashless: VietQR, gateway) or cash at the counter.
  paid_by text CHECK (paid_by IN ('transfer', 'cash')),
  paid_at timestamptz,
  waive_reason text CHECK (length(waive_reason) BETWEEN 3 AND 500),
  created_by bigint REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'paid') = (paid_at IS NOT NULL AND paid_by IS NOT NULL)),
  CHECK (status <> 'waived' OR waive_reason IS NOT NULL)
);
CREATE INDEX dossier_fees_dossier_idx ON dossier_fees(dossier_id);
CREATE INDEX dossier_fees_open_idx ON dossier_fees(unit_id, created_at) WHERE status = 'due';
CREATE INDEX dossier_fees_paid_idx ON dossier_fees(unit_id, paid_at) WHERE status = 'paid';

-- One import of a bank statement file (sao kê), applied whole or not at all.
CREATE TABLE statement_imports (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  account_id bigint REFERENCES unit_payment_accounts(id),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  format text NOT NULL CHECK (length(format) <= 40),
  lines int NOT NULL CHECK (lines >= 0),
  matched int NOT NULL DEFAULT 0,
  unmatched int NOT NULL DEFAULT 0,
  imported_by bigint REFERENCES users(id),
  imported_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, file_sha256)
);

-- A transfer the bank reports, from a statement line or a gateway notification. One row per bank transaction id: the
-- same transaction seen twice (a statement after the webhook, a file imported twice) is one payment.
CREATE TABLE payments (
  id bigserial PRIMARY KEY,
  unit_id bigint NOT NULL REFERENCES units(id),
  account_id bigint REFERENCES unit_payment_accounts(id),
  source text NOT NULL CHECK (source IN ('statement', 'gateway', 'cash')),
  import_id bigint REFERENCES statement_imports(id),
  -- The bank's (or gateway's) transaction id; with the source account, unique.
  bank_txn_id text NOT NULL CHECK (length(bank_txn_id) BETWEEN 1 AND 100),
  amount_vnd bigint NOT NULL CHECK (amount_vnd > 0),
  booked_at timestamptz NOT NULL,
  -- The transfer's description as the bank gives it (nội dung), where the reference is looked for.
  description text NOT NULL CHECK (length(description) <= 500),
  -- PERSONAL DATA
  payer_name text CHECK (length(payer_name) <= 200),
  payer_account text CHECK (length(payer_account) <= 40),
  -- matched: to exactly one fee; unmatched: no fee (or two) — a person resolves it; partial: less than the fee;
  -- duplicate: a second payment for a fee already paid; resolved: a person decided (refund, manual match …).
  status text NOT NULL CHECK (status IN ('matched', 'partial', 'unmatched', 'duplicate', 'resolved')),
  fee_id bigint REFERENCES dossier_fees(id),
  note text CHECK (length(note) <= 1000),
  resolved_by bigint REFERENCES users(id),
  resolved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, source, bank_txn_id),
  CHECK (status NOT IN ('matched', 'partial') OR fee_id IS NOT NULL)
);
CREATE INDEX payments_fee_idx ON payments(fee_id) WHERE fee_id IS NOT NULL;
CREATE INDEX payments_open_idx ON payments(unit_id, created_at) WHERE status IN ('unmatched', 'partial', 'duplicate');

-- Fee receipts (biên lai thu phí, lệ phí) printed for paid fees, numbered per unit and year.
CREATE TABLE fee_receipts (
  id bigserial PRIMARY KEY,
  fee_id bigint NOT NULL UNIQUE REFERENCES dossier_fees(id),
  unit_id bigint NOT NULL REFERENCES units(id),
  year int NOT NULL,
  number int NOT NULL,
  payer_name text CHECK (length(payer_name) <= 200),
  issued_by bigint REFERENCES users(id),
  issued_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (unit_id, year, number)
);

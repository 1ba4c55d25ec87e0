-- Request counters for rate limits, shared by every app process.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  count int NOT NULL
);
CREATE INDEX rate_limits_window_idx ON rate_limits(window_start);

-- Funding records are edited from the page like compounds, organisations and stations: a version
-- for optimistic saves (UPDATE … WHERE version = $v) and the time of the last write.
ALTER TABLE funding
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

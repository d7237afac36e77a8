-- The ledger (台账): imports run first as a dry run stored here, then commit in one transaction;
-- saved column mappings; a version on stations so their edits are optimistic like the others.

CREATE TABLE ledger_import (
  id serial PRIMARY KEY,
  status text NOT NULL DEFAULT 'dry_run' CHECK (status IN ('dry_run', 'committed', 'failed')),
  actor text NOT NULL,
  file_names text[] NOT NULL,
  format text NOT NULL,
  -- Layer or sheet the rows came from.
  layer text NOT NULL,
  -- compound.source_crs of the rows: 'EPSG:4326', 'GCJ02', 'EPSG:4544' ...
  source_crs text NOT NULL,
  -- The choice the user made (or the guess taken) and the file's own guess.
  crs jsonb NOT NULL,
  mapping jsonb NOT NULL,
  options jsonb NOT NULL DEFAULT '{}',
  counts jsonb NOT NULL,
  -- Rejected rows, repairs, warnings, blocking problems, suggested mapping, unmapped columns.
  report jsonb NOT NULL,
  blocking boolean NOT NULL DEFAULT false,
  error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  committed_at timestamptz
);

-- The normalised records of a dry run, one per accepted source row, compared with the database.
-- A table rather than one jsonb value: the commit is then a few set-based statements, and a
-- 200 MB upload stays clear of jsonb's 255 MB value limit.
CREATE TABLE ledger_import_row (
  import_id integer NOT NULL REFERENCES ledger_import (id) ON DELETE CASCADE,
  row_number integer NOT NULL,
  code text NOT NULL,
  -- Ledger values by compound column name; a key is present only when the source gives it.
  fields jsonb NOT NULL,
  community_text text,
  street_text text,
  district_text text,
  community_id text,
  community_matches integer,
  geometry_kind text NOT NULL CHECK (geometry_kind IN ('polygon', 'point', 'none')),
  boundary geometry(MultiPolygon, 4326),
  location geometry(Point, 4326),
  -- Why ST_MakeValid had to repair the polygon (ST_IsValidReason), null when it was valid.
  repair_reason text,
  compound_id integer,
  -- The matched compound's version at the dry run: a commit refuses rows edited since.
  base_version integer,
  action text CHECK (action IN ('new', 'changed', 'unchanged', 'rejected')),
  reject_code text,
  changes text[],
  PRIMARY KEY (import_id, row_number)
);

CREATE TABLE ledger_mapping (
  name text PRIMARY KEY,
  mapping jsonb NOT NULL,
  updated_by text NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

ALTER TABLE station
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

-- A compound's history is read newest first.
CREATE INDEX audit_log_entity_at_idx ON audit_log (entity, entity_id, at DESC, id DESC);

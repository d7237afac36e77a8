-- Yuanluo schema, first version. Geometry is stored in EPSG:4326; metric work casts to geography.
CREATE EXTENSION IF NOT EXISTS postgis;

-- Settings a user may change; analyses read them instead of hard-coding DOMAIN.md defaults.
CREATE TABLE app_setting (
  key text PRIMARY KEY,
  value jsonb NOT NULL,
  description text NOT NULL
);
INSERT INTO app_setting (key, value, description) VALUES
  ('old_before_year', '2004', 'compounds built before this year are old (老旧小区)'),
  ('station_walk_m', '300', 'a station within this many metres covers a compound'),
  ('station_walk_outer_m', '500', 'second ring of station coverage, metres'),
  ('branch_min_members', '3', 'full members needed to form a branch'),
  ('branch_max_members', '50', 'members above which a branch becomes a general branch'),
  ('joint_max_compounds', '5', 'compounds one joint branch may cover'),
  ('joint_gap_m', '30', 'street gap two compounds may have and still count as adjacent, metres'),
  ('joint_radius_m', '500', 'distance from a joint branch centre to each member compound, metres'),
  ('funding_min_yuan', '1000', 'funding per organisation per year that meets the funding indicator');

-- Administrative areas: city > district > street > community. Codes follow the 12-digit statistical
-- division codes (6 for city/district, 9 for street, 12 for community).
CREATE TABLE area (
  id text PRIMARY KEY,
  level text NOT NULL CHECK (level IN ('city', 'district', 'street', 'community')),
  name text NOT NULL,
  parent_id text REFERENCES area (id),
  geom geometry(MultiPolygon, 4326),
  CHECK ((level = 'city') = (parent_id IS NULL))
);
CREATE INDEX area_parent_idx ON area (parent_id);
CREATE INDEX area_level_idx ON area (level);
CREATE INDEX area_geom_idx ON area USING gist (geom);

CREATE TABLE compound (
  id serial PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  address text,
  community_id text NOT NULL REFERENCES area (id),
  grid text,
  year_built integer CHECK (year_built BETWEEN 1900 AND 2100),
  is_old boolean NOT NULL,
  site_area_m2 real CHECK (site_area_m2 >= 0),
  households integer NOT NULL DEFAULT 0 CHECK (households >= 0),
  residents integer NOT NULL DEFAULT 0 CHECK (residents >= 0),
  elderly_share real CHECK (elderly_share BETWEEN 0 AND 1),
  buildings integer CHECK (buildings >= 0),
  tenure text CHECK (tenure IN ('commercial', 'public', 'reformed', 'resettlement', 'dorm')),
  property_mgmt text CHECK (property_mgmt IN ('professional', 'self', 'none', 'street', 'trust')),
  renovation_status text CHECK (renovation_status IN
    ('not_needed', 'done', 'eligible', 'planned', 'in_progress', 'completed')),
  -- Member counts by type; the platform stores counts, never identities.
  members_full integer NOT NULL DEFAULT 0 CHECK (members_full >= 0),
  members_probationary integer NOT NULL DEFAULT 0 CHECK (members_probationary >= 0),
  members_registered integer NOT NULL DEFAULT 0 CHECK (members_registered >= 0),
  members_in_service integer NOT NULL DEFAULT 0 CHECK (members_in_service >= 0),
  members_retired integer NOT NULL DEFAULT 0 CHECK (members_retired >= 0),
  members_floating_in integer NOT NULL DEFAULT 0 CHECK (members_floating_in >= 0),
  members_floating_out integer NOT NULL DEFAULT 0 CHECK (members_floating_out >= 0),
  vanguard_team text,
  vanguard_size integer NOT NULL DEFAULT 0 CHECK (vanguard_size >= 0),
  -- Self-governance bodies present: 院委会 residents_committee, 业委会 owners_committee, 议事会 council.
  self_governance text[] NOT NULL DEFAULT '{}'
    CHECK (self_governance <@ ARRAY['residents_committee', 'owners_committee', 'council']::text[]),
  consultations integer NOT NULL DEFAULT 0 CHECK (consultations >= 0),
  problems_logged integer NOT NULL DEFAULT 0 CHECK (problems_logged >= 0),
  problems_closed integer NOT NULL DEFAULT 0 CHECK (problems_closed >= 0),
  boundary geometry(MultiPolygon, 4326),
  -- A point inside the compound: the boundary's point on surface, or the only geometry a source gave.
  location geometry(Point, 4326) NOT NULL,
  source_crs text NOT NULL DEFAULT 'EPSG:4326',
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX compound_community_idx ON compound (community_id);
CREATE INDEX compound_boundary_idx ON compound USING gist (boundary);
CREATE INDEX compound_location_idx ON compound USING gist (location);

CREATE TABLE party_org (
  id serial PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('standalone', 'joint', 'temporary', 'instructor')),
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'dissolved')),
  name text NOT NULL,
  community_id text NOT NULL REFERENCES area (id),
  founded date,
  secretary_name text,
  secretary_phone text,
  secretary_role text,
  committee_size integer CHECK (committee_size >= 0),
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (id, kind, status)
);
CREATE INDEX party_org_community_idx ON party_org (community_id);

-- Which compounds an organisation covers. kind and status are copied from party_org and kept in
-- step by the composite foreign key (ON UPDATE CASCADE), so that the partial unique index below can
-- enforce: a compound is covered by at most one live standalone or joint organisation.
CREATE TABLE org_compound (
  org_id integer NOT NULL,
  org_kind text NOT NULL,
  org_status text NOT NULL,
  compound_id integer NOT NULL REFERENCES compound (id) ON DELETE CASCADE,
  PRIMARY KEY (org_id, compound_id),
  FOREIGN KEY (org_id, org_kind, org_status) REFERENCES party_org (id, kind, status)
    ON UPDATE CASCADE ON DELETE CASCADE
);
CREATE UNIQUE INDEX org_compound_one_live_branch ON org_compound (compound_id)
  WHERE org_kind IN ('standalone', 'joint') AND org_status = 'active';
CREATE INDEX org_compound_compound_idx ON org_compound (compound_id);

CREATE TABLE station (
  id serial PRIMARY KEY,
  name text NOT NULL,
  compound_id integer REFERENCES compound (id) ON DELETE SET NULL,
  location geometry(Point, 4326) NOT NULL,
  area_m2 real CHECK (area_m2 >= 0),
  origin text CHECK (origin IN ('new', 'stilt_floor', 'property_room', 'rented')),
  opened date,
  opening_hours text
);
CREATE INDEX station_location_idx ON station USING gist (location);
CREATE INDEX station_location_geog_idx ON station USING gist ((location::geography));

CREATE TABLE funding (
  id serial PRIMARY KEY,
  org_id integer NOT NULL REFERENCES party_org (id) ON DELETE CASCADE,
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  source text NOT NULL CHECK (source IN
    ('org_dept', 'community_fund', 'returned_dues', 'co_building', 'residents')),
  amount_yuan numeric(12, 2) NOT NULL CHECK (amount_yuan >= 0)
);
CREATE INDEX funding_org_year_idx ON funding (org_id, year);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor text NOT NULL,
  action text NOT NULL,
  entity text NOT NULL,
  entity_id text,
  detail jsonb
);
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id);

-- Coverage status of each compound, derived from its organisations and member counts (DOMAIN.md's
-- categories); never stored twice. Precedence: a live standalone or joint branch, then a temporary
-- project branch, then an instructor, then what the member count says. The lateral join keeps
-- filters on compound columns pushed down, so asking for a few compounds reads only those.
CREATE VIEW compound_coverage AS
SELECT c.id AS compound_id,
  CASE
    WHEN o.has_standalone THEN 'standalone'
    WHEN o.has_joint THEN 'joint'
    WHEN o.has_temporary THEN 'temporary'
    WHEN o.has_instructor THEN 'instructor'
    WHEN c.members_full >= (SELECT (value #>> '{}')::int FROM app_setting WHERE key = 'branch_min_members')
      THEN 'should_build'
    WHEN c.members_full > 0 THEN 'few_members'
    ELSE 'no_members'
  END AS status,
  o.branch_org_id
FROM compound c
CROSS JOIN LATERAL (
  SELECT
    coalesce(bool_or(oc.org_kind = 'standalone'), false) AS has_standalone,
    coalesce(bool_or(oc.org_kind = 'joint'), false) AS has_joint,
    coalesce(bool_or(oc.org_kind = 'temporary'), false) AS has_temporary,
    coalesce(bool_or(oc.org_kind = 'instructor'), false) AS has_instructor,
    max(oc.org_id) FILTER (WHERE oc.org_kind IN ('standalone', 'joint')) AS branch_org_id
  FROM org_compound oc
  WHERE oc.compound_id = c.id AND oc.org_status = 'active'
) o;

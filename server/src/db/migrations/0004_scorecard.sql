-- The "四有一化" scorecard (issue 6): a view that scores every compound from the ledger at query
-- time, the settings it reads, and dated snapshots of the roll-ups.

INSERT INTO app_setting (key, value, description) VALUES
  ('hotspot_band_m', '1000', 'distance band of the Getis-Ord Gi* hot-spot analysis, metres'),
  ('target_organisation', '1', 'target share of old compounds led by a party organisation'),
  ('target_example', '1', 'target share of old compounds where members set the example'),
  ('target_station', '1', 'target share of old compounds with a station within walking distance'),
  ('target_funding', '1', 'target share of old compounds whose organisation is funded this year'),
  ('target_mechanisms', '1', 'target share of old compounds with institutionalised mechanisms'),
  ('target_all_five', '1', 'target share of old compounds meeting all five indicators')
ON CONFLICT (key) DO NOTHING;
-- The second ring already exists since 0001 (station_walk_outer_m); keep it if a user removed it.
INSERT INTO app_setting (key, value, description) VALUES
  ('station_walk_outer_m', '500', 'second ring of station coverage, metres')
ON CONFLICT (key) DO NOTHING;

-- "Has its own station" asks by compound.
CREATE INDEX station_compound_idx ON station (compound_id) WHERE compound_id IS NOT NULL;

-- Station distances of every compound, kept current by triggers: measuring polygons on the spheroid
-- is the costly part of the scorecard (~150 ms for the whole demo city), and stations and boundaries
-- change far less often than the scorecard is read. Every (compound, station) pair whose distance,
-- rounded to 1 cm, is within the reach (the larger of the walk distance and the second ring) is
-- kept; a change of either setting rebuilds the table in the same transaction.
CREATE TABLE compound_station_reach (
  compound_id integer NOT NULL REFERENCES compound (id) ON DELETE CASCADE,
  station_id integer NOT NULL REFERENCES station (id) ON DELETE CASCADE,
  distance_m float8 NOT NULL,
  PRIMARY KEY (compound_id, station_id)
);
CREATE INDEX compound_station_reach_station_idx ON compound_station_reach (station_id);

-- The reach the table was built for (one row).
CREATE TABLE compound_station_reach_meta (
  only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row),
  reach_m float8 NOT NULL
);

/* The reach the settings ask for, metres. */
CREATE FUNCTION station_reach_setting_m() RETURNS float8 LANGUAGE sql STABLE AS $$
  SELECT coalesce(greatest(
    max((value #>> '{}')::float8) FILTER (WHERE key = 'station_walk_m'),
    max((value #>> '{}')::float8) FILTER (WHERE key = 'station_walk_outer_m')), 500)
  FROM app_setting
$$;

/* Re-measures the pairs of the given compounds and of the given stations. */
CREATE FUNCTION refresh_station_reach(compound_ids integer[], station_ids integer[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  r float8 := (SELECT reach_m FROM compound_station_reach_meta);
BEGIN
  IF cardinality(compound_ids) > 0 THEN
    DELETE FROM compound_station_reach WHERE compound_id = ANY (compound_ids);
    INSERT INTO compound_station_reach (compound_id, station_id, distance_m)
    SELECT p.compound_id, p.station_id, p.distance_m FROM (
      SELECT c.id AS compound_id, st.id AS station_id,
        round(ST_Distance(st.location::geography,
          coalesce(c.boundary, c.location)::geography)::numeric, 2)::float8 AS distance_m
      FROM compound c
      JOIN station st ON ST_DWithin(st.location::geography,
        coalesce(c.boundary, c.location)::geography, r + 0.01)
      WHERE c.id = ANY (compound_ids)
    ) p
    WHERE p.distance_m <= r
    ON CONFLICT DO NOTHING;
  END IF;
  IF cardinality(station_ids) > 0 THEN
    DELETE FROM compound_station_reach WHERE station_id = ANY (station_ids);
    INSERT INTO compound_station_reach (compound_id, station_id, distance_m)
    SELECT p.compound_id, p.station_id, p.distance_m FROM (
      SELECT c.id AS compound_id, st.id AS station_id,
        round(ST_Distance(st.location::geography,
          coalesce(c.boundary, c.location)::geography)::numeric, 2)::float8 AS distance_m
      FROM station st
      JOIN compound c ON ST_DWithin(coalesce(c.boundary, c.location)::geography,
        st.location::geography, r + 0.01)
      WHERE st.id = ANY (station_ids)
    ) p
    WHERE p.distance_m <= r
    ON CONFLICT DO NOTHING;
  END IF;
END
$$;

/* Rebuilds every pair when the settings ask for another reach. */
CREATE FUNCTION sync_station_reach() RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  wanted float8 := station_reach_setting_m();
BEGIN
  IF wanted IS DISTINCT FROM (SELECT reach_m FROM compound_station_reach_meta) THEN
    INSERT INTO compound_station_reach_meta (only_row, reach_m) VALUES (true, wanted)
    ON CONFLICT (only_row) DO UPDATE SET reach_m = EXCLUDED.reach_m;
    DELETE FROM compound_station_reach;
    PERFORM refresh_station_reach('{}', coalesce((SELECT array_agg(id) FROM station), '{}'));
  END IF;
END
$$;

CREATE FUNCTION compound_reach_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_station_reach(coalesce((SELECT array_agg(id) FROM new_rows), '{}'), '{}');
  RETURN NULL;
END
$$;

CREATE FUNCTION compound_reach_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_station_reach(coalesce((
    SELECT array_agg(n.id) FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
    WHERE o.id IS NULL OR n.boundary IS DISTINCT FROM o.boundary
      OR n.location IS DISTINCT FROM o.location), '{}'), '{}');
  RETURN NULL;
END
$$;

CREATE FUNCTION station_reach_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_station_reach('{}', coalesce((SELECT array_agg(id) FROM new_rows), '{}'));
  RETURN NULL;
END
$$;

CREATE FUNCTION station_reach_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM refresh_station_reach('{}', coalesce((
    SELECT array_agg(n.id) FROM new_rows n LEFT JOIN old_rows o ON o.id = n.id
    WHERE o.id IS NULL OR n.location IS DISTINCT FROM o.location), '{}'));
  RETURN NULL;
END
$$;

CREATE FUNCTION setting_reach_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM sync_station_reach();
  RETURN NULL;
END
$$;

CREATE TRIGGER compound_reach_insert AFTER INSERT ON compound
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compound_reach_inserted();
CREATE TRIGGER compound_reach_update AFTER UPDATE ON compound
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION compound_reach_updated();
CREATE TRIGGER station_reach_insert AFTER INSERT ON station
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION station_reach_inserted();
CREATE TRIGGER station_reach_update AFTER UPDATE ON station
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION station_reach_updated();
CREATE TRIGGER setting_reach_change AFTER INSERT OR UPDATE OR DELETE ON app_setting
  FOR EACH STATEMENT EXECUTE FUNCTION setting_reach_changed();

SELECT sync_station_reach();

-- One row per compound: the five indicators, each as a pass flag and a reason code, and the numbers
-- behind them. Settings are read at query time, so a changed rule value changes every answer at once.
-- Distances are metres on the spheroid rounded to 1 cm; a distance equal to the limit passes.
-- "This year" is the calendar year in China (UTC+8).
CREATE VIEW compound_scorecard AS
WITH s AS (
  SELECT
    max((value #>> '{}')::float8) FILTER (WHERE key = 'station_walk_m') AS walk_m,
    max((value #>> '{}')::float8) FILTER (WHERE key = 'station_walk_outer_m') AS outer_m,
    max((value #>> '{}')::float8) FILTER (WHERE key = 'funding_min_yuan') AS funding_min,
    extract(year FROM (now() AT TIME ZONE 'UTC') + interval '8 hours')::int AS year
  FROM app_setting
),
near AS (
  SELECT r.compound_id, false AS own_station, min(r.distance_m) AS distance_m
  FROM compound_station_reach r GROUP BY r.compound_id
  UNION ALL
  SELECT DISTINCT st.compound_id, true, 0 FROM station st WHERE st.compound_id IS NOT NULL
),
near1 AS (
  SELECT compound_id, bool_or(own_station) AS own_station, min(distance_m) AS distance_m
  FROM near GROUP BY compound_id
),
-- The best-funded live organisation of each compound this year.
fund AS (
  SELECT oc.compound_id, count(*)::int AS orgs, max(f.total)::float8 AS best_yuan
  FROM org_compound oc
  LEFT JOIN (
    SELECT f.org_id, sum(f.amount_yuan) AS total FROM funding f CROSS JOIN s
    WHERE f.year = s.year GROUP BY f.org_id
  ) f ON f.org_id = oc.org_id
  WHERE oc.org_status = 'active'
  GROUP BY oc.compound_id
),
scored AS (
  SELECT c.id AS compound_id, c.community_id, c.is_old, c.households, c.residents,
    round(c.residents * coalesce(c.elderly_share, 0))::int AS elderly,
    cov.status AS organisation_reason,
    cov.status IN ('standalone', 'joint', 'temporary', 'instructor') AS organisation_pass,
    (coalesce(btrim(c.vanguard_team), '') <> '' OR c.vanguard_size > 0) AS has_vanguard,
    c.vanguard_size, c.members_in_service,
    coalesce(near.own_station, false) AS own_station,
    CASE WHEN near.own_station THEN 0 ELSE near.distance_m END AS distance_m,
    s.walk_m, greatest(s.walk_m, s.outer_m) AS outer_m,
    coalesce(fund.orgs, 0) AS orgs, fund.best_yuan, s.funding_min,
    cardinality(c.self_governance) AS bodies, c.consultations,
    c.problems_closed
  FROM compound c
  CROSS JOIN s
  JOIN compound_coverage cov ON cov.compound_id = c.id
  LEFT JOIN near1 near ON near.compound_id = c.id
  LEFT JOIN fund ON fund.compound_id = c.id
)
SELECT compound_id, community_id, is_old, households, residents, elderly,
  organisation_pass, organisation_reason,
  (has_vanguard OR members_in_service > 0) AS example_pass,
  CASE WHEN has_vanguard THEN 'vanguard_team'
    WHEN members_in_service > 0 THEN 'in_service_reported'
    ELSE 'no_vanguard_no_in_service' END AS example_reason,
  has_vanguard, vanguard_size, members_in_service,
  coalesce(own_station OR distance_m <= walk_m, false) AS station_pass,
  CASE WHEN own_station THEN 'own_station'
    WHEN distance_m <= walk_m THEN 'within_walk'
    WHEN distance_m <= outer_m THEN 'second_ring'
    ELSE 'out_of_reach' END AS station_reason,
  coalesce(own_station OR distance_m <= outer_m, false) AS station2_pass,
  CASE WHEN distance_m <= outer_m THEN distance_m END AS distance_m,
  coalesce(best_yuan >= funding_min, false) AS funding_pass,
  CASE WHEN orgs = 0 THEN 'no_organisation'
    WHEN best_yuan IS NULL THEN 'no_funding'
    WHEN best_yuan >= funding_min THEN 'met'
    ELSE 'below_threshold' END AS funding_reason,
  coalesce(best_yuan, 0)::float8 AS funding_yuan,
  (bodies > 0 AND consultations > 0) AS mechanisms_pass,
  CASE WHEN bodies > 0 AND consultations > 0 THEN 'met'
    WHEN bodies = 0 AND consultations = 0 THEN 'neither'
    WHEN bodies = 0 THEN 'no_self_governance'
    ELSE 'no_consultations' END AS mechanisms_reason,
  bodies, consultations, problems_closed
FROM scored;

-- Dated roll-ups: on demand ('manual') or once a month ('monthly', at most one per month in UTC+8).
CREATE TABLE scorecard_snapshot (
  id serial PRIMARY KEY,
  taken_at timestamptz NOT NULL DEFAULT now(),
  kind text NOT NULL CHECK (kind IN ('manual', 'monthly')),
  -- 'YYYY-MM' of a monthly snapshot, null for manual ones.
  month text CHECK ((kind = 'monthly') = (month IS NOT NULL)),
  note text,
  actor text NOT NULL DEFAULT 'system'
);
CREATE UNIQUE INDEX scorecard_snapshot_month_idx ON scorecard_snapshot (month)
  WHERE kind = 'monthly';

-- The raw sums of every area at the time (weight-free: counts and sums under each weight), so a
-- series can be shown under any weight later. Areas are not foreign keys: history outlives them.
CREATE TABLE scorecard_snapshot_row (
  snapshot_id integer NOT NULL REFERENCES scorecard_snapshot (id) ON DELETE CASCADE,
  area_id text NOT NULL,
  level text NOT NULL,
  sums jsonb NOT NULL,
  PRIMARY KEY (snapshot_id, area_id)
);
CREATE INDEX scorecard_snapshot_row_area_idx ON scorecard_snapshot_row (area_id, snapshot_id);

-- Metre searches between compounds (joint-branch adjacency: boundaries within the street gap) go
-- through geography; this index lets ST_DWithin on the same expression use GiST.
CREATE INDEX compound_shape_geog_idx ON compound USING gist ((coalesce(boundary, location)::geography));

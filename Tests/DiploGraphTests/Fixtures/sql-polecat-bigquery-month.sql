-- DiploGraph: what `diplograph import polecat --skip-bad-rows --compound first --actors-by actor --dedupe` keeps, for BigQuery, aggregated per month.
-- Rows: date,source,target,kind,weight,events,about,count (DiploGraph events; weight = events = events the import writes, count = reports).
WITH
-- The mapping: a record's event type takes the kind of its most specific matching row, the file's order breaking ties.
mapping AS (
  SELECT event, mode, context, kind, specificity, position FROM UNNEST([
    STRUCT('CONSULT' AS event, 'third-party' AS mode, 'diplomatic' AS context, 'mediation' AS kind, 3 AS specificity, 1 AS position),
    STRUCT('CONSULT' AS event, 'visit' AS mode, '' AS context, 'summit' AS kind, 2 AS specificity, 2 AS position),
    STRUCT('CONSULT' AS event, 'third-party' AS mode, '' AS context, 'summit' AS kind, 2 AS specificity, 3 AS position),
    STRUCT('CONSULT' AS event, 'multilateral' AS mode, '' AS context, 'summit' AS kind, 2 AS specificity, 4 AS position),
    STRUCT('CONSULT' AS event, '' AS mode, '' AS context, 'talks' AS kind, 0 AS specificity, 5 AS position),
    STRUCT('AGREE' AS event, '' AS mode, '' AS context, 'cooperation' AS kind, 0 AS specificity, 6 AS position),
    STRUCT('SUPPORT' AS event, '' AS mode, '' AS context, 'cooperation' AS kind, 0 AS specificity, 7 AS position),
    STRUCT('COOPERATE' AS event, '' AS mode, '' AS context, 'cooperation' AS kind, 0 AS specificity, 8 AS position),
    STRUCT('AID' AS event, '' AS mode, '' AS context, 'cooperation' AS kind, 0 AS specificity, 9 AS position),
    STRUCT('CONCEDE' AS event, '' AS mode, '' AS context, 'cooperation' AS kind, 0 AS specificity, 10 AS position),
    STRUCT('THREATEN' AS event, '' AS mode, '' AS context, 'pressure' AS kind, 0 AS specificity, 11 AS position),
    STRUCT('SANCTION' AS event, '' AS mode, '' AS context, 'pressure' AS kind, 0 AS specificity, 12 AS position),
    STRUCT('COERCE' AS event, '' AS mode, '' AS context, 'pressure' AS kind, 0 AS specificity, 13 AS position),
    STRUCT('ASSAULT' AS event, '' AS mode, '' AS context, 'pressure' AS kind, 0 AS specificity, 14 AS position),
    STRUCT('ACCUSE' AS event, '' AS mode, '' AS context, 'pressure' AS kind, 0 AS specificity, 15 AS position),
    STRUCT('REJECT' AS event, '' AS mode, '' AS context, 'pressure' AS kind, 0 AS specificity, 16 AS position),
    STRUCT('PROTEST' AS event, '' AS mode, '' AS context, 'pressure' AS kind, 0 AS specificity, 17 AS position),
    STRUCT('MOBILIZE' AS event, '' AS mode, '' AS context, 'pressure' AS kind, 0 AS specificity, 18 AS position)
  ])
),
-- The rows: the fields the import reads, by their place in the published header.
source_rows AS (
  SELECT CONCAT(TO_JSON_STRING(t), '#', ROW_NUMBER() OVER (PARTITION BY TO_JSON_STRING(t))) AS record, CAST(t.`Event Date` AS STRING) AS date, CAST(t.`Event Type` AS STRING) AS type, CAST(t.`Event Mode` AS STRING) AS mode, CAST(t.`Contexts` AS STRING) AS contexts, CAST(t.`Actor Country` AS STRING) AS actor_country, CAST(t.`Primary Actor Sector` AS STRING) AS actor_sector, CAST(t.`Recipient Country` AS STRING) AS recipient_country, CAST(t.`Primary Recipient Sector` AS STRING) AS recipient_sector
  FROM `my-project.polecat.events` AS t
),
-- Fields trimmed, `None` read as empty.
cells AS (
  SELECT record, CASE WHEN LOWER(REGEXP_REPLACE(COALESCE(date, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) = 'none' THEN '' ELSE REGEXP_REPLACE(COALESCE(date, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') END AS date,
    CASE WHEN LOWER(REGEXP_REPLACE(COALESCE(type, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) = 'none' THEN '' ELSE REGEXP_REPLACE(COALESCE(type, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') END AS type,
    CASE WHEN LOWER(REGEXP_REPLACE(COALESCE(mode, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) = 'none' THEN '' ELSE REGEXP_REPLACE(COALESCE(mode, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') END AS mode,
    CASE WHEN LOWER(REGEXP_REPLACE(COALESCE(contexts, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) = 'none' THEN '' ELSE REGEXP_REPLACE(COALESCE(contexts, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') END AS contexts,
    CASE WHEN LOWER(REGEXP_REPLACE(COALESCE(actor_country, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) = 'none' THEN '' ELSE REGEXP_REPLACE(COALESCE(actor_country, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') END AS actor_country,
    CASE WHEN LOWER(REGEXP_REPLACE(COALESCE(actor_sector, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) = 'none' THEN '' ELSE REGEXP_REPLACE(COALESCE(actor_sector, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') END AS actor_sector,
    CASE WHEN LOWER(REGEXP_REPLACE(COALESCE(recipient_country, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) = 'none' THEN '' ELSE REGEXP_REPLACE(COALESCE(recipient_country, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') END AS recipient_country,
    CASE WHEN LOWER(REGEXP_REPLACE(COALESCE(recipient_sector, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) = 'none' THEN '' ELSE REGEXP_REPLACE(COALESCE(recipient_sector, ''), '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') END AS recipient_sector
  FROM source_rows
),
-- Rows the import converts: a known event type (any case) and a valid date.
records AS (
  SELECT record, date AS event_date, CASE UPPER(type) WHEN 'AGREE' THEN 'AGREE' WHEN 'CONSULT' THEN 'CONSULT' WHEN 'SUPPORT' THEN 'SUPPORT' WHEN 'CONCEDE' THEN 'CONCEDE' WHEN 'COOPERATE' THEN 'COOPERATE' WHEN 'AID' THEN 'AID' WHEN 'RETREAT' THEN 'RETREAT' WHEN 'REQUEST' THEN 'REQUEST' WHEN 'ACCUSE' THEN 'ACCUSE' WHEN 'REJECT' THEN 'REJECT' WHEN 'THREATEN' THEN 'THREATEN' WHEN 'PROTEST' THEN 'PROTEST' WHEN 'SANCTION' THEN 'SANCTION' WHEN 'MOBILIZE' THEN 'MOBILIZE' WHEN 'COERCE' THEN 'COERCE' WHEN 'ASSAULT' THEN 'ASSAULT' WHEN 'DEMAND' THEN 'REQUEST' WHEN 'DISAPPROVE' THEN 'ACCUSE' WHEN 'FIGHT' THEN 'ASSAULT' WHEN 'INVESTIGATE' THEN 'ACCUSE' END AS event, mode, contexts,
    actor_country, actor_sector, recipient_country, recipient_sector
  FROM cells
  WHERE CASE UPPER(type) WHEN 'AGREE' THEN 'AGREE' WHEN 'CONSULT' THEN 'CONSULT' WHEN 'SUPPORT' THEN 'SUPPORT' WHEN 'CONCEDE' THEN 'CONCEDE' WHEN 'COOPERATE' THEN 'COOPERATE' WHEN 'AID' THEN 'AID' WHEN 'RETREAT' THEN 'RETREAT' WHEN 'REQUEST' THEN 'REQUEST' WHEN 'ACCUSE' THEN 'ACCUSE' WHEN 'REJECT' THEN 'REJECT' WHEN 'THREATEN' THEN 'THREATEN' WHEN 'PROTEST' THEN 'PROTEST' WHEN 'SANCTION' THEN 'SANCTION' WHEN 'MOBILIZE' THEN 'MOBILIZE' WHEN 'COERCE' THEN 'COERCE' WHEN 'ASSAULT' THEN 'ASSAULT' WHEN 'DEMAND' THEN 'REQUEST' WHEN 'DISAPPROVE' THEN 'ACCUSE' WHEN 'FIGHT' THEN 'ASSAULT' WHEN 'INVESTIGATE' THEN 'ACCUSE' END IS NOT NULL AND (LENGTH(date) IN (4, 7, 10) AND REGEXP_CONTAINS(date, '^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$') AND SAFE_CAST(SUBSTR(date, 1, 4) AS INT64) >= 1 AND (LENGTH(date) = 4 OR (SAFE_CAST(SUBSTR(date, 6, 2) AS INT64) BETWEEN 1 AND 12 AND (LENGTH(date) = 7 OR SAFE_CAST(SUBSTR(date, 9, 2) AS INT64) BETWEEN 1 AND CASE WHEN SAFE_CAST(SUBSTR(date, 6, 2) AS INT64) = 2 THEN CASE WHEN MOD(SAFE_CAST(SUBSTR(date, 1, 4) AS INT64), 4) = 0 AND (MOD(SAFE_CAST(SUBSTR(date, 1, 4) AS INT64), 100) <> 0 OR MOD(SAFE_CAST(SUBSTR(date, 1, 4) AS INT64), 400) = 0) THEN 29 ELSE 28 END WHEN SAFE_CAST(SUBSTR(date, 6, 2) AS INT64) IN (4, 6, 9, 11) THEN 30 ELSE 31 END))))
),
record_events AS (SELECT record, event FROM records),
-- Actors: the countries of a field joined by semicolons; sectors aligned with them, or one for all.
actor_lists AS (
  SELECT record, 'source' AS role, SPLIT(actor_country, ';') AS codes, SPLIT(actor_sector, ';') AS sectors FROM records
  UNION ALL
  SELECT record, 'target' AS role, SPLIT(recipient_country, ';') AS codes, SPLIT(recipient_sector, ';') AS sectors FROM records
),
actor_items AS (
  SELECT record, role, pos, code, CASE WHEN LOWER(sector) = 'none' THEN '' ELSE sector END AS sector FROM (
    SELECT record, role, pos, REGEXP_REPLACE(item, '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') AS code,
      REGEXP_REPLACE(CASE WHEN ARRAY_LENGTH(sectors) = ARRAY_LENGTH(codes) THEN sectors[OFFSET(pos)] WHEN ARRAY_LENGTH(sectors) = 1 THEN sectors[OFFSET(0)] ELSE '' END, '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '') AS sector
    FROM (SELECT record, role, codes, sectors, pos, item FROM actor_lists CROSS JOIN UNNEST(codes) AS item WITH OFFSET AS pos WHERE TRUE) AS listed
  ) AS actors
  WHERE code <> '' AND LOWER(code) <> 'none'
),
texts AS (
  SELECT record, 'mode' AS field, 0 AS p1, mode AS text FROM records
  UNION ALL
  SELECT record, 'context' AS field, 0 AS p1, contexts AS text FROM records
),
value_rows AS (
  SELECT record, field, p1, p2, value FROM (
    SELECT record, field, p1, pos AS p2, LOWER(REGEXP_REPLACE(item, '^[\\t\\p{Zs}]+|[\\t\\p{Zs}]+\\z', '')) AS value FROM (
      SELECT record, field, p1, pos, item FROM texts CROSS JOIN UNNEST(SPLIT(REPLACE(text, ';', ','), ',')) AS item WITH OFFSET AS pos WHERE TRUE
    ) AS parts
  ) AS cleaned
  WHERE value <> '' AND value <> 'none'
),
-- Sides: actor ids (country/sector), each counted once, in order of first appearance.
sides AS (
  SELECT record, role, id, country, pos, ROW_NUMBER() OVER (PARTITION BY record, role ORDER BY pos) AS side_rank FROM (
    SELECT record, role, id, country, pos, ROW_NUMBER() OVER (PARTITION BY record, role, id ORDER BY pos) AS occurrence FROM (
      SELECT record, role, pos, CASE WHEN sector = '' THEN code ELSE CONCAT(code, '/', sector) END AS id, code AS country FROM actor_items
    ) AS ids
  ) AS numbered
  WHERE occurrence = 1
),
-- Per record: the number of sides, and whether it has the relay shape (two parties' countries, one host country apart from both).
shape AS (
  SELECT record,
    COUNT(CASE WHEN role = 'source' THEN 1 END) AS sources,
    COUNT(CASE WHEN role = 'target' THEN 1 END) AS targets,
    COUNT(DISTINCT CASE WHEN role = 'source' THEN country END) = 2 AND COUNT(DISTINCT CASE WHEN role = 'target' THEN country END) = 1
      AND COUNT(DISTINCT country) = 3 AS is_relay
  FROM sides
  GROUP BY record
),
-- Each event type's kind: the most specific matching row; and the most specific that does not give mediation.
candidates AS (
  SELECT record_events.record, record_events.event, mapping.kind, mapping.specificity, mapping.position
  FROM record_events
  JOIN mapping ON mapping.event = record_events.event
  LEFT JOIN (SELECT DISTINCT record, value FROM value_rows WHERE field = 'mode') AS modes
    ON modes.record = record_events.record AND modes.value = mapping.mode
  LEFT JOIN (SELECT DISTINCT record, value FROM value_rows WHERE field = 'context') AS contexts
    ON contexts.record = record_events.record AND contexts.value = mapping.context
  WHERE (mapping.mode = '' OR modes.value IS NOT NULL) AND (mapping.context = '' OR contexts.value IS NOT NULL)
),
record_kinds AS (
  SELECT record, event, MAX(CASE WHEN preference = 1 THEN kind END) AS kind,
    MAX(CASE WHEN fallback_preference = 1 AND kind <> 'mediation' THEN kind END) AS fallback
  FROM (
    SELECT record, event, kind,
      ROW_NUMBER() OVER (PARTITION BY record, event ORDER BY specificity DESC, position) AS preference,
      ROW_NUMBER() OVER (PARTITION BY record, event ORDER BY CASE WHEN kind = 'mediation' THEN 1 ELSE 0 END, specificity DESC, position) AS fallback_preference
    FROM candidates
  ) AS ranked
  GROUP BY record, event
),
-- Pairs (--compound first): every actor × every recipient; actors only: each pair of actors; same-country pairs dropped.
used_sides AS (
  SELECT sides.record, sides.role, sides.id, sides.country, sides.side_rank, shape.targets
  FROM sides JOIN shape ON sides.record = shape.record
  WHERE (sides.role = 'source' AND sides.side_rank <= CASE WHEN shape.targets = 0 THEN 2 ELSE 1 END) OR (sides.role = 'target' AND sides.side_rank = 1)
),
pairs AS (
  SELECT s.record, s.id AS source, t.id AS target FROM used_sides AS s
  JOIN used_sides AS t ON s.record = t.record
  WHERE s.role = 'source' AND s.country <> t.country
    AND ((s.targets > 0 AND t.role = 'target') OR (s.targets = 0 AND t.role = 'source' AND s.side_rank < t.side_rank))
),
-- Relays: the host of a mediation record of the relay shape to each party (the first side of each party country), about A|B.
parties AS (
  SELECT record, id, ROW_NUMBER() OVER (PARTITION BY record ORDER BY pos) AS party FROM (
    SELECT record, id, pos, ROW_NUMBER() OVER (PARTITION BY record, country ORDER BY pos) AS in_country FROM sides WHERE role = 'source'
  ) AS firsts
  WHERE in_country = 1
),
abouts AS (
  SELECT record, CONCAT(MAX(CASE WHEN party = 1 THEN id END), '|', MAX(CASE WHEN party = 2 THEN id END)) AS about
  FROM parties GROUP BY record
),
events AS (
  SELECT record_kinds.record, record_kinds.event, hosts.id AS source, parties.id AS target, 'mediation' AS kind, abouts.about
  FROM record_kinds
  JOIN shape ON record_kinds.record = shape.record
  JOIN sides AS hosts ON hosts.record = record_kinds.record AND hosts.role = 'target'
  JOIN parties ON parties.record = record_kinds.record
  JOIN abouts ON abouts.record = record_kinds.record
  WHERE record_kinds.kind = 'mediation' AND shape.is_relay
  UNION ALL
  SELECT record_kinds.record, record_kinds.event, pairs.source, pairs.target,
    CASE WHEN record_kinds.kind = 'mediation' THEN record_kinds.fallback ELSE record_kinds.kind END AS kind, '' AS about
  FROM record_kinds
  JOIN shape ON record_kinds.record = shape.record
  JOIN pairs ON pairs.record = record_kinds.record
  WHERE NOT (record_kinds.kind = 'mediation' AND shape.is_relay)
    AND (record_kinds.kind <> 'mediation' OR record_kinds.fallback IS NOT NULL)
),
-- The events with their date and modes, one row per date, source, target, event type, modes, kind and about (--dedupe), with the reports merged.
dated AS (
  SELECT CASE WHEN LENGTH(records.event_date) = 4 THEN records.event_date ELSE SUBSTR(records.event_date, 1, 7) END AS slice_date, events.source, events.target, events.kind, events.about,
    records.event_date, events.event, COALESCE(mode_texts.modes, '') AS modes
  FROM events
  JOIN records ON events.record = records.record
  LEFT JOIN (SELECT record, STRING_AGG(value, ';' ORDER BY p1, p2) AS modes FROM value_rows WHERE field = 'mode' GROUP BY record) AS mode_texts
    ON events.record = mode_texts.record
),
written AS (
  SELECT slice_date, source, target, kind, about, COUNT(*) AS reports FROM dated
  GROUP BY slice_date, source, target, kind, about, event_date, event, modes
)
SELECT slice_date AS `date`, source AS `source`, target AS `target`, kind AS `kind`,
  COUNT(*) AS `weight`, COUNT(*) AS `events`, about AS `about`, SUM(reports) AS `count`
FROM written
GROUP BY slice_date, source, target, kind, about
ORDER BY `date`, `source`, `target`, `kind`, `about`

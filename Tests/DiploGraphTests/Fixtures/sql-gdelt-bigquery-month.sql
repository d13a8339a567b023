-- DiploGraph: what `diplograph import gdelt --skip-bad-rows` keeps, for BigQuery, aggregated per month.
-- Rows: date,source,target,kind,weight,events (DiploGraph events; weight = events = rows aggregated).
WITH
-- The CAMEO mapping: a code takes the kind of the longest prefix it starts with.
mapping AS (
  SELECT prefix, kind, position FROM UNNEST([
    STRUCT('038' AS prefix, 'mediation' AS kind, 1 AS position),
    STRUCT('039' AS prefix, 'mediation' AS kind, 2 AS position),
    STRUCT('045' AS prefix, 'mediation' AS kind, 3 AS position),
    STRUCT('046' AS prefix, 'mediation' AS kind, 4 AS position),
    STRUCT('036' AS prefix, 'summit' AS kind, 5 AS position),
    STRUCT('042' AS prefix, 'summit' AS kind, 6 AS position),
    STRUCT('043' AS prefix, 'summit' AS kind, 7 AS position),
    STRUCT('044' AS prefix, 'summit' AS kind, 8 AS position),
    STRUCT('057' AS prefix, 'summit' AS kind, 9 AS position),
    STRUCT('10' AS prefix, 'pressure' AS kind, 10 AS position),
    STRUCT('111' AS prefix, 'pressure' AS kind, 11 AS position),
    STRUCT('12' AS prefix, 'pressure' AS kind, 12 AS position),
    STRUCT('13' AS prefix, 'pressure' AS kind, 13 AS position),
    STRUCT('161' AS prefix, 'pressure' AS kind, 14 AS position),
    STRUCT('163' AS prefix, 'pressure' AS kind, 15 AS position),
    STRUCT('17' AS prefix, 'pressure' AS kind, 16 AS position)
  ])
),
-- The GDELT rows: date, countries and CAMEO code as text; whether the row has a field count the importer accepts.
source_rows AS (
  SELECT
    CAST(`SQLDATE` AS STRING) AS event_date,
    CAST(`Actor1CountryCode` AS STRING) AS source,
    CAST(`Actor2CountryCode` AS STRING) AS target,
    CAST(`EventCode` AS STRING) AS code,
    TRUE AS is_well_formed
  FROM `gdelt-bq.gdeltv2.events`
),
-- Rows the importer keeps: well formed, a valid date, a code of digits, two different non-empty countries
-- (UTF-8 without NUL bytes, without the whitespace the importer trims around them).
kept AS (
  SELECT source, target, code, CONCAT(SUBSTR(event_date, 1, 4), '-', SUBSTR(event_date, 5, 2)) AS slice_date
  FROM (
    SELECT event_date, code,
      TRIM(source, '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u2028\u2029\u202F\u205F\u3000') AS source,
      TRIM(target, '\u0009\u000A\u000B\u000C\u000D\u0020\u0085\u00A0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200A\u200B\u2028\u2029\u202F\u205F\u3000') AS target,
      SAFE_CAST(SUBSTR(event_date, 1, 4) AS INT64) AS y,
      SAFE_CAST(SUBSTR(event_date, 5, 2) AS INT64) AS m,
      SAFE_CAST(SUBSTR(event_date, 7, 2) AS INT64) AS d
    FROM source_rows
    WHERE is_well_formed AND LENGTH(event_date) = 8 AND REGEXP_CONTAINS(event_date, '^[0-9]{8}$')
      AND code <> '' AND NOT REGEXP_CONTAINS(code, '[^0-9]')
      AND source IS NOT NULL AND target IS NOT NULL AND STRPOS(source, '\u0000') = 0 AND STRPOS(target, '\u0000') = 0
  ) AS parsed
  WHERE source <> '' AND target <> '' AND source <> target AND y >= 1 AND m BETWEEN 1 AND 12 AND d BETWEEN 1 AND CASE WHEN m = 2 THEN CASE WHEN MOD(y, 4) = 0 AND (MOD(y, 100) <> 0 OR MOD(y, 400) = 0) THEN 29 ELSE 28 END WHEN m IN (4, 6, 9, 11) THEN 30 ELSE 31 END
),
-- Each distinct code's kind: the longest matching prefix, the mapping's order breaking ties.
code_kinds AS (
  SELECT code, kind
  FROM (
    SELECT codes.code, mapping.kind,
      ROW_NUMBER() OVER (PARTITION BY codes.code ORDER BY LENGTH(mapping.prefix) DESC, mapping.position) AS preference
    FROM (SELECT DISTINCT code FROM kept) AS codes
    JOIN mapping ON STARTS_WITH(codes.code, mapping.prefix)
  ) AS matches
  WHERE preference = 1
)
SELECT kept.slice_date AS `date`, kept.source AS `source`, kept.target AS `target`,
  code_kinds.kind AS `kind`, COUNT(*) AS `weight`, COUNT(*) AS `events`
FROM kept
JOIN code_kinds ON kept.code = code_kinds.code
GROUP BY kept.slice_date, kept.source, kept.target, code_kinds.kind
ORDER BY `date`, `source`, `target`, `kind`

/// The pieces of ``PloverSQL``'s query whose spelling differs between dialects: JSON values
/// and their types, arrays and how they become rows, trimming and ordered string aggregation.
///
/// JSON values are DuckDB's `JSON`, Spark's `VARIANT` (Spark 4.0 or later) and BigQuery's `JSON`.
/// A member that is missing is SQL `NULL`; a member that is JSON `null` is a non-NULL value
/// whose type is null, as the import tells the two apart.
struct PloverSQLDialect {
    let q: SQLQuoting

    var dialect: SQLDialect { q.dialect }

    /// The member `key` of the JSON value `x` (a fixed ASCII name).
    func member(_ x: String, _ key: String) -> String {
        switch dialect {
        case .duckdb: "json_extract(\(x), \(q.literal("$.\(key)")))"
        case .spark: "variant_get(\(x), \(q.literal("$.\(key)")))"
        case .bigquery: "JSON_QUERY(\(x), \(q.literal("$.\(key)")))"
        }
    }

    /// The first element of the JSON array `x`.
    func first(_ x: String) -> String {
        switch dialect {
        case .duckdb: "json_extract(\(x), '$[0]')"
        case .spark: "variant_get(\(x), '$[0]')"
        case .bigquery: "JSON_QUERY(\(x), '$[0]')"
        }
    }

    /// The JSON type of `x`, spelt by the dialect.
    private func type(_ x: String) -> String {
        switch dialect {
        case .duckdb: "json_type(\(x))"
        case .spark: "schema_of_variant(\(x))"
        case .bigquery: "JSON_TYPE(\(x))"
        }
    }

    func isString(_ x: String) -> String {
        switch dialect {
        case .duckdb: "\(type(x)) = 'VARCHAR'"
        case .spark: "\(type(x)) = 'STRING'"
        case .bigquery: "\(type(x)) = 'string'"
        }
    }

    func isArray(_ x: String) -> String {
        switch dialect {
        case .duckdb: "\(type(x)) = 'ARRAY'"
        case .spark: "\(type(x)) LIKE 'ARRAY<%'"
        case .bigquery: "\(type(x)) = 'array'"
        }
    }

    func isObject(_ x: String) -> String {
        switch dialect {
        case .duckdb: "\(type(x)) = 'OBJECT'"
        case .spark: "\(type(x)) LIKE 'OBJECT<%'"
        case .bigquery: "\(type(x)) = 'object'"
        }
    }

    /// JSON `null` (not a missing member).
    func isNull(_ x: String) -> String {
        switch dialect {
        case .duckdb: "\(type(x)) = 'NULL'"
        case .spark: "\(type(x)) = 'VOID'"
        case .bigquery: "\(type(x)) = 'null'"
        }
    }

    func isNumber(_ x: String) -> String {
        switch dialect {
        case .duckdb: "\(type(x)) IN ('BIGINT', 'UBIGINT', 'HUGEINT', 'DOUBLE')"
        case .spark: "(\(type(x)) IN ('BIGINT', 'INT', 'SMALLINT', 'TINYINT', 'DOUBLE', 'FLOAT') OR \(type(x)) LIKE 'DECIMAL%')"
        case .bigquery: "\(type(x)) = 'number'"
        }
    }

    /// The text of the JSON string `x`.
    func string(_ x: String) -> String {
        switch dialect {
        case .duckdb: "json_extract_string(\(x), '$')"
        case .spark: "try_variant_get(\(x), '$', 'string')"
        case .bigquery: "JSON_VALUE(\(x), '$')"
        }
    }

    /// The elements of the JSON array `x` as an SQL array (NULL when `x` is no array).
    func elements(_ x: String) -> String {
        switch dialect {
        case .duckdb: "CASE WHEN \(isArray(x)) THEN json_extract(\(x), '$[*]') END"
        case .spark: "try_variant_get(\(x), '$', 'array<variant>')"
        case .bigquery: "JSON_QUERY_ARRAY(\(x), '$')"
        }
    }

    /// The text `s` split at every `separator` (one character), empty parts kept.
    func split(_ s: String, _ separator: String) -> String {
        switch dialect {
        case .duckdb: "string_split(\(s), \(q.literal(separator)))"
        case .spark: "split(\(s), \(q.literal(separator)), -1)"  // a regular expression: tab, `,` and `;` stand for themselves
        case .bigquery: "SPLIT(\(s), \(q.literal(separator)))"
        }
    }

    /// The number of elements of an SQL array.
    func size(_ array: String) -> String {
        switch dialect {
        case .duckdb: "len(\(array))"
        case .spark: "size(\(array))"
        case .bigquery: "ARRAY_LENGTH(\(array))"
        }
    }

    /// The element at 0-based `position` of an SQL array (the position must exist).
    func element(_ array: String, _ position: String) -> String {
        switch dialect {
        case .duckdb: "\(array)[\(position) + 1]"
        case .spark: "\(array)[\(position)]"
        case .bigquery: "\(array)[OFFSET(\(position))]"
        }
    }

    /// A SELECT giving `columns`, then `pos` (0-based) and `item` for every element of `array`.
    func explode(_ columns: String, _ array: String, from: String, where condition: String = "TRUE") -> String {
        switch dialect {
        case .duckdb:
            "SELECT \(columns), pos, item FROM (SELECT \(columns), UNNEST(\(array)) AS item, UNNEST(range(len(\(array)))) AS pos FROM \(from) WHERE \(condition)) AS exploded"
        case .spark:
            "SELECT \(columns), pos, item FROM \(from) LATERAL VIEW POSEXPLODE(\(array)) exploded AS pos, item WHERE \(condition)"
        case .bigquery:
            "SELECT \(columns), pos, item FROM \(from) CROSS JOIN UNNEST(\(array)) AS item WITH OFFSET AS pos WHERE \(condition)"
        }
    }

    /// An SQL array of one text.
    func single(_ s: String) -> String {
        dialect == .spark ? "array(\(s))" : "[\(s)]"
    }

    /// The array of `body` (an expression of `x`) for each element `x` of `array`, in order.
    func transform(_ array: String, _ body: String) -> String {
        switch dialect {
        case .duckdb: "[\(body) for x in \(array)]"
        case .spark: "transform(\(array), x -> \(body))"
        case .bigquery: "ARRAY(SELECT \(body) FROM UNNEST(\(array)) AS x WITH OFFSET AS o ORDER BY o)"
        }
    }

    /// Whether some element `x` of `array` satisfies `condition`; FALSE for a NULL array.
    func any(_ array: String, _ condition: String) -> String {
        switch dialect {
        case .duckdb: "COALESCE(len([x for x in \(array) if \(condition)]) > 0, FALSE)"
        case .spark: "COALESCE(exists(\(array), x -> \(condition)), FALSE)"
        case .bigquery: "COALESCE(EXISTS(SELECT 1 FROM UNNEST(\(array)) AS x WHERE \(condition)), FALSE)"
        }
    }

    /// `s` without the characters of the regular-expression class body `set` at either end.
    func trim(_ s: String, _ set: String) -> String {
        let pattern = "^[\(set)]+|[\(set)]+\\z"
        switch dialect {
        case .duckdb: return "regexp_replace(\(s), \(q.literal(pattern)), '', 'g')"
        case .spark: return "regexp_replace(\(s), \(q.literal(pattern)), '')"
        case .bigquery: return "REGEXP_REPLACE(\(s), \(q.literal(pattern)), '')"
        }
    }

    /// Swift's `CharacterSet.whitespaces`: tab and the space separators.
    static let whitespace = "\\t\\p{Zs}"
    /// `CharacterSet.whitespacesAndNewlines`: those and U+000A–U+000D, U+0085, U+2028, U+2029.
    static let whitespaceAndNewlines = "\\t\\n\\x{0B}\\f\\r\\x{85}\\x{2028}\\x{2029}\\p{Zs}"

    /// The texts `value` of a group joined by `;` in the order of `order` (an aggregate).
    func orderedJoin(_ value: String, orderedBy order: [String]) -> String {
        switch dialect {
        case .duckdb, .bigquery:
            return "STRING_AGG(\(value), ';' ORDER BY \(order.joined(separator: ", ")))"
        case .spark:
            let keys = order.enumerated().map { "'o\($0.offset)', \($0.element)" }.joined(separator: ", ")
            return "array_join(transform(array_sort(collect_list(named_struct(\(keys), 'v', \(value)))), x -> x.v), ';')"
        }
    }

    /// A value that tells the rows of the input aliased `t` apart, the same each time the CTE
    /// holding it is read: DuckDB materializes that CTE (``materialized``); Spark's ids follow
    /// the input's partitions; BigQuery numbers identical rows among themselves (interchangeable).
    func rowNumber(_ alias: String) -> String {
        switch dialect {
        case .duckdb: "ROW_NUMBER() OVER ()"
        case .spark: "monotonically_increasing_id()"
        case .bigquery: "CONCAT(TO_JSON_STRING(\(alias)), '#', ROW_NUMBER() OVER (PARTITION BY TO_JSON_STRING(\(alias))))"
        }
    }

    /// `AS` for a CTE that must be computed once.
    var materialized: String { dialect == .duckdb ? "AS MATERIALIZED" : "AS" }

    /// The JSON value of a whole row of the table or files aliased `t`.
    func rowAsJSON(_ alias: String) -> String {
        switch dialect {
        case .duckdb: "CAST(to_json(\(alias)) AS JSON)"
        case .spark: "parse_json(to_json(struct(\(alias).*)))"
        case .bigquery: "TO_JSON(\(alias))"
        }
    }
}

//! Dash DataTable's `filter_query` and `sort_by`, applied in Rust (`deskdash_engine::table`).

use deskdash_engine::table::{FilterQuery, SortBy};
use serde_json::{json, Value};

fn rows() -> Vec<Value> {
    vec![
        json!({"id": 1, "city": "Oslo", "country": "Norway", "pop": 709, "founded": "1040-01-01", "note": null}),
        json!({"id": 2, "city": "Bergen", "country": "Norway", "pop": 291, "founded": "1070-05-01", "note": "rainy"}),
        json!({"id": 3, "city": "Aarhus", "country": "Denmark", "pop": 285, "founded": "0770-01-01", "note": ""}),
        json!({"id": 4, "city": "oslo port", "country": "Norway", "pop": "12", "founded": "1900-01-01", "note": "text pop"}),
        json!({"id": 5, "city": "Lund", "country": "Sweden", "pop": 94, "founded": "0990-01-01", "note": {"tag": "x"}}),
    ]
}

fn ids(query: &str) -> Vec<i64> {
    let q = FilterQuery::parse(query).unwrap_or_else(|e| panic!("{e}"));
    q.filter(&rows()).iter().filter_map(|r| r["id"].as_i64()).collect()
}

#[test]
fn every_operator_filters_as_dash_does() {
    let cases: &[(&str, &[i64])] = &[
        ("", &[1, 2, 3, 4, 5]),
        ("{pop} > 290", &[1, 2]),
        ("{pop} gt 290", &[1, 2]),
        ("{pop} >= 291", &[1, 2]),
        ("{pop} < 100", &[4, 5]),
        ("{pop} le 94", &[4, 5]),
        ("{pop} = 12", &[4]),
        ("{pop} eq 709", &[1]),
        ("{country} != Norway", &[3, 5]),
        ("{country} ne \"Norway\"", &[3, 5]),
        ("{city} = Oslo", &[1]),
        ("{city} contains \"sl\"", &[1, 4]),
        ("{city} contains O", &[1]),
        ("{city} icontains O", &[1, 4]),
        ("{city} scontains O", &[1]),
        ("{city} scontains \"port\"", &[4]),
        ("{city} ieq 'OSLO'", &[1]),
        ("{founded} datestartswith 10", &[1, 2]),
        ("{note} is blank", &[1, 3]),
        ("{note} is nil", &[1]),
        ("{note} is str", &[2, 3, 4]),
        ("{note} is object", &[5]),
        ("{pop} is num", &[1, 2, 3, 5]),
        ("{id} is even", &[2, 4]),
        ("{id} is odd", &[1, 3, 5]),
        ("{id} is prime", &[2, 3, 5]),
        ("{country} = Norway && {pop} > 200", &[1, 2]),
        ("{country} = Norway and {pop} > 200", &[1, 2]),
        ("{country} = Denmark || {country} = Sweden", &[3, 5]),
        ("{country} = Denmark or {pop} < 20", &[3, 4]),
        ("!({country} = Norway)", &[3, 5]),
        ("({country} = Norway || {country} = Sweden) && {pop} < 300", &[2, 4, 5]),
        ("{country} = Norway && !({city} contains \"o\")", &[2]),
        ("{city} = `oslo port`", &[4]),
        ("{missing} = 1", &[]),
    ];
    for (query, want) in cases {
        assert_eq!(ids(query), *want, "{query}");
    }
}

#[test]
fn bad_queries_say_what_and_where() {
    let err = |q: &str| FilterQuery::parse(q).err().map(|e| e.to_string()).unwrap_or_default();
    assert_eq!(err("{pop} >"), r#"filter_query "{pop} >": expected a value at character 7"#);
    assert_eq!(err("pop > 3"), r#"filter_query "pop > 3": expected a {column} at character 0"#);
    assert!(err("{pop} about 3").contains("expected an operator"));
    assert!(err("{pop} > 3 {x}").contains("expected && or || or the end of the query"));
    assert!(err("({pop} > 3").contains("expected )"));
    assert!(err("{city} = \"Oslo").contains("unclosed quoted value"));
    assert!(err("{city").contains("unclosed {column}"));
    assert!(err("{city} is tall").contains("after is"));
}

#[test]
fn sort_by_orders_numbers_numerically_text_as_text_and_empty_cells_last() {
    let mut r = rows();
    SortBy::from_value(&json!([{"column_id": "pop", "direction": "desc"}])).expect("sort_by").sort(&mut r);
    assert_eq!(r.iter().map(|r| r["id"].as_i64().unwrap_or(0)).collect::<Vec<_>>(), vec![1, 2, 3, 5, 4]);
    let mut r = rows();
    let by = json!([{"column_id": "country", "direction": "asc"}, {"column_id": "pop", "direction": "asc"}]);
    SortBy::from_value(&by).expect("sort_by").sort(&mut r);
    assert_eq!(r.iter().map(|r| r["id"].as_i64().unwrap_or(0)).collect::<Vec<_>>(), vec![3, 4, 2, 1, 5]);
    let mut r = rows();
    SortBy::from_value(&json!([{"column_id": "note", "direction": "desc"}])).expect("sort_by").sort(&mut r);
    assert_eq!(r.last().map(|r| r["id"].clone()), Some(json!(1)), "null stays last whichever the direction");
    assert!(SortBy::from_value(&json!([{"column_id": "pop", "direction": "up"}])).is_err());
    assert_eq!(SortBy::from_value(&Value::Null).map(|s| s.0.len()).ok(), Some(0));
}

/// The queries the renderer produces from AG Grid's filters (checked by the renderer's own
/// tests against the same file) keep exactly the rows the file expects.
#[test]
fn the_renderers_queries_parse_and_keep_the_expected_rows() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/test/fixtures/filter-queries.json");
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let fixtures: Value = serde_json::from_str(&text).expect("fixture json");
    let rows = fixtures["rows"].as_array().cloned().unwrap_or_default();
    let cases = fixtures["cases"].as_array().cloned().unwrap_or_default();
    assert!(cases.len() >= 10);
    for case in cases {
        let query = case["query"].as_str().unwrap_or_default();
        let q = FilterQuery::parse(query).unwrap_or_else(|e| panic!("{e}"));
        let kept: Vec<Value> = q.filter(&rows).iter().map(|r| r["id"].clone()).collect();
        assert_eq!(Value::Array(kept), case["ids"], "{query}");
    }
}

/// Crafted queries a hostile or buggy renderer could send: each used to recurse until the
/// stack overflowed (parse, eval or drop) and abort the whole process.
#[test]
fn crafted_queries_are_refused_or_handled_without_exhausting_the_stack() {
    let deep = format!("{}{{pop}} > 1{}", "(".repeat(2000), ")".repeat(2000));
    let err = FilterQuery::parse(&deep).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("nest deeper than 64 levels"), "{err}");

    let nots = format!("{}{{pop}} > 1", "!".repeat(100_000));
    let err = FilterQuery::parse(&nots).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("nest deeper than 64 levels"), "{err}");

    // A flat chain is no deeper than one level, however long: it parses and filters.
    let chain = vec!["{pop} > 1"; 11_000].join(" && ");
    assert!(chain.len() > 110_000);
    let q = FilterQuery::parse(&chain).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(q.filter(&rows()).len(), 5);
    let either = vec!["{pop} = 709"; 11_000].join(" || ");
    assert_eq!(FilterQuery::parse(&either).map(|q| q.filter(&rows()).len()).ok(), Some(1));

    // Nesting within the bound still works.
    let ok = format!("{}{{pop}} > 290{}", "(".repeat(60), ")".repeat(60));
    assert_eq!(ids(&ok), vec![1, 2]);
}

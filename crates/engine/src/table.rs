//! Dash DataTable's query language, for callbacks that filter and sort a table's rows in Rust
//! (`filter_action="custom"`, `sort_action="custom"`): the renderer reports `filter_query` and
//! `sort_by` exactly as Dash's DataTable does, and these helpers apply them, so an author
//! writes no parser of their own.
//!
//! ```
//! use deskdash_engine::table::{FilterQuery, SortBy};
//! use serde_json::json;
//! # fn main() -> Result<(), Box<dyn std::error::Error>> {
//! let rows = vec![json!({"city": "Oslo", "pop": 700}), json!({"city": "Bergen", "pop": 290})];
//! let q = FilterQuery::parse(r#"{pop} > 300 || {city} contains "erg""#)?;
//! assert_eq!(q.filter(&rows).len(), 2);
//! let q = FilterQuery::parse("{pop} < 500")?;
//! assert_eq!(q.filter(&rows), vec![json!({"city": "Bergen", "pop": 290})]);
//! let mut sorted = rows.clone();
//! SortBy::from_value(&json!([{"column_id": "pop", "direction": "asc"}]))?.sort(&mut sorted);
//! assert_eq!(sorted[0]["city"], "Bergen");
//! # Ok(())
//! # }
//! ```
//!
//! Supported, as Dash defines them: `{column}` operands; `=`/`eq`, `!=`/`ne`, `<`/`lt`,
//! `<=`/`le`, `>`/`gt`, `>=`/`ge`, `contains`, `datestartswith` (each relational operator also
//! as `i…` for case-insensitive and `s…` for case-sensitive, e.g. `icontains`); `is blank`,
//! `is nil`, `is num`, `is str`, `is bool`, `is object`, `is even`, `is odd`, `is prime`;
//! `&&`/`and`, `||`/`or`, `!` and parentheses; values quoted with `"`, `'` or `` ` ``, numbers,
//! or bare words.

use serde::Deserialize;
use serde_json::Value;
use std::cmp::Ordering;

/// Why a query does not parse: what was expected, and where (a character offset).
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("filter_query {query:?}: {reason} at character {at}")]
pub struct QueryError {
    pub query: String,
    pub at: usize,
    pub reason: String,
}

/// A parsed `filter_query`.
#[derive(Debug, Clone, PartialEq)]
pub struct FilterQuery(Expr);

#[derive(Debug, Clone, PartialEq)]
enum Expr {
    /// The empty query: every row passes.
    All,
    /// A chain of `&&` (or `||`) is one list, however long, so a long query builds no deep
    /// tree; nesting comes only from parentheses and `!`, which the parser bounds.
    And(Vec<Expr>),
    Or(Vec<Expr>),
    Not(Box<Expr>),
    Compare { column: String, op: Relation, case_insensitive: bool, value: Literal },
    Is { column: String, test: Test },
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Relation {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Contains,
    DateStartsWith,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Test {
    Blank,
    Nil,
    Num,
    Str,
    Bool,
    Object,
    Even,
    Odd,
    Prime,
}

#[derive(Debug, Clone, PartialEq)]
enum Literal {
    Number(f64),
    Text(String),
}

impl FilterQuery {
    pub fn parse(query: &str) -> Result<FilterQuery, QueryError> {
        let mut p = Parser { query, chars: query.char_indices().collect(), pos: 0, depth: 0 };
        p.skip_space();
        if p.at_end() {
            return Ok(FilterQuery(Expr::All));
        }
        let expr = p.or()?;
        p.skip_space();
        if !p.at_end() {
            return Err(p.error("expected && or || or the end of the query"));
        }
        Ok(FilterQuery(expr))
    }

    /// Whether one row (a JSON object) passes.
    pub fn matches(&self, row: &Value) -> bool {
        self.0.eval(row)
    }

    /// The rows that pass, in their order.
    pub fn filter(&self, rows: &[Value]) -> Vec<Value> {
        rows.iter().filter(|r| self.matches(r)).cloned().collect()
    }
}

impl Expr {
    fn eval(&self, row: &Value) -> bool {
        match self {
            Expr::All => true,
            Expr::And(all) => all.iter().all(|e| e.eval(row)),
            Expr::Or(any) => any.iter().any(|e| e.eval(row)),
            Expr::Not(e) => !e.eval(row),
            Expr::Compare { column, op, case_insensitive, value } => compare(row.get(column), *op, *case_insensitive, value),
            Expr::Is { column, test } => is(row.get(column), *test),
        }
    }
}

/// A cell as a number, when it is one or is text that reads as one (Dash compares so).
fn as_number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        Value::String(s) => s.trim().parse().ok(),
        _ => None,
    }
}

fn as_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

fn compare(cell: Option<&Value>, op: Relation, case_insensitive: bool, literal: &Literal) -> bool {
    let Some(cell) = cell.filter(|c| !c.is_null()) else { return op == Relation::Ne };
    let fold = |s: String| if case_insensitive { s.to_lowercase() } else { s };
    match op {
        Relation::Contains => {
            let needle = match literal {
                Literal::Text(t) => t.clone(),
                Literal::Number(n) => format_number(*n),
            };
            fold(as_text(cell)).contains(&fold(needle))
        }
        Relation::DateStartsWith => {
            let prefix = match literal {
                Literal::Text(t) => t.clone(),
                Literal::Number(n) => format_number(*n),
            };
            as_text(cell).starts_with(&prefix)
        }
        _ => {
            let ordering = match (literal, as_number(cell)) {
                (Literal::Number(want), Some(have)) => have.partial_cmp(want),
                (Literal::Text(want), _) => match (as_number(cell), want.trim().parse::<f64>().ok()) {
                    (Some(have), Some(want)) => have.partial_cmp(&want),
                    _ => Some(fold(as_text(cell)).cmp(&fold(want.clone()))),
                },
                (Literal::Number(want), None) => Some(fold(as_text(cell)).cmp(&format_number(*want))),
            };
            let Some(o) = ordering else { return false };
            match op {
                Relation::Eq => o == Ordering::Equal,
                Relation::Ne => o != Ordering::Equal,
                Relation::Lt => o == Ordering::Less,
                Relation::Le => o != Ordering::Greater,
                Relation::Gt => o == Ordering::Greater,
                Relation::Ge => o != Ordering::Less,
                Relation::Contains | Relation::DateStartsWith => unreachable!("handled above"),
            }
        }
    }
}

fn format_number(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        n.to_string()
    }
}

fn is(cell: Option<&Value>, test: Test) -> bool {
    let cell = cell.unwrap_or(&Value::Null);
    let integer = || cell.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64);
    match test {
        Test::Blank => cell.is_null() || cell.as_str().is_some_and(|s| s.trim().is_empty()),
        Test::Nil => cell.is_null(),
        Test::Num => cell.is_number(),
        Test::Str => cell.is_string(),
        Test::Bool => cell.is_boolean(),
        Test::Object => cell.is_object() || cell.is_array(),
        Test::Even => integer().is_some_and(|i| i % 2 == 0),
        Test::Odd => integer().is_some_and(|i| i % 2 != 0),
        Test::Prime => integer().is_some_and(|i| i > 1 && (2..).take_while(|d| d * d <= i).all(|d| i % d != 0)),
    }
}

/// How deeply parentheses and `!` may nest. Parsing, evaluating and dropping a query each
/// recurse once per level, so the bound keeps a crafted query from exhausting the stack.
pub const MAX_QUERY_DEPTH: usize = 64;

struct Parser<'q> {
    query: &'q str,
    chars: Vec<(usize, char)>,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, reason: &str) -> QueryError {
        QueryError { query: self.query.to_string(), at: self.pos, reason: reason.to_string() }
    }
    fn at_end(&self) -> bool {
        self.pos >= self.chars.len()
    }
    fn peek(&self) -> Option<char> {
        self.chars.get(self.pos).map(|&(_, c)| c)
    }
    fn skip_space(&mut self) {
        while self.peek().is_some_and(char::is_whitespace) {
            self.pos += 1;
        }
    }
    fn rest(&self) -> &str {
        self.chars.get(self.pos).map_or("", |&(i, _)| &self.query[i..])
    }
    /// Consumes `word` if it comes next (as a whole word when it is alphabetic).
    fn eat(&mut self, word: &str) -> bool {
        self.skip_space();
        let rest = self.rest();
        if !rest.starts_with(word) {
            return false;
        }
        let alphabetic = word.chars().all(char::is_alphabetic);
        let next = rest[word.len()..].chars().next();
        if alphabetic && next.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            return false;
        }
        self.pos += word.chars().count();
        true
    }

    fn or(&mut self) -> Result<Expr, QueryError> {
        let mut any = vec![self.and()?];
        while self.eat("||") || self.eat("or") {
            any.push(self.and()?);
        }
        Ok(if any.len() == 1 { any.remove(0) } else { Expr::Or(any) })
    }

    fn and(&mut self) -> Result<Expr, QueryError> {
        let mut all = vec![self.unary()?];
        while self.eat("&&") || self.eat("and") {
            all.push(self.unary()?);
        }
        Ok(if all.len() == 1 { all.remove(0) } else { Expr::And(all) })
    }

    /// One level deeper (a `(` or a `!`), refused past [`MAX_QUERY_DEPTH`].
    fn nested(&mut self, inner: impl FnOnce(&mut Self) -> Result<Expr, QueryError>) -> Result<Expr, QueryError> {
        if self.depth >= MAX_QUERY_DEPTH {
            return Err(self.error(&format!("parentheses and ! nest deeper than {MAX_QUERY_DEPTH} levels")));
        }
        self.depth += 1;
        let expr = inner(self);
        self.depth -= 1;
        expr
    }

    fn unary(&mut self) -> Result<Expr, QueryError> {
        if self.eat("!") {
            return self.nested(|p| Ok(Expr::Not(Box::new(p.unary()?))));
        }
        if self.eat("(") {
            return self.nested(|p| {
                let inner = p.or()?;
                if !p.eat(")") {
                    return Err(p.error("expected )"));
                }
                Ok(inner)
            });
        }
        self.comparison()
    }

    fn column(&mut self) -> Result<String, QueryError> {
        self.skip_space();
        if self.peek() != Some('{') {
            return Err(self.error("expected a {column}"));
        }
        self.pos += 1;
        self.until('}', "unclosed {column}")
    }

    /// Reads up to `close` (consumed), with `\` escaping the next character.
    fn until(&mut self, close: char, unclosed: &str) -> Result<String, QueryError> {
        let mut text = String::new();
        loop {
            match self.peek() {
                None => return Err(self.error(unclosed)),
                Some('\\') => {
                    self.pos += 1;
                    if let Some(c) = self.peek() {
                        text.push(c);
                        self.pos += 1;
                    }
                }
                Some(c) if c == close => {
                    self.pos += 1;
                    return Ok(text);
                }
                Some(c) => {
                    text.push(c);
                    self.pos += 1;
                }
            }
        }
    }

    fn comparison(&mut self) -> Result<Expr, QueryError> {
        let column = self.column()?;
        if self.eat("is") {
            let tests = [
                ("blank", Test::Blank),
                ("nil", Test::Nil),
                ("num", Test::Num),
                ("str", Test::Str),
                ("bool", Test::Bool),
                ("object", Test::Object),
                ("even", Test::Even),
                ("odd", Test::Odd),
                ("prime", Test::Prime),
            ];
            for (word, test) in tests {
                if self.eat(word) {
                    return Ok(Expr::Is { column, test });
                }
            }
            return Err(self.error("expected blank, nil, num, str, bool, object, even, odd or prime after is"));
        }
        let (op, case_insensitive) = self.relation().ok_or_else(|| self.error("expected an operator (=, !=, <, <=, >, >=, contains, datestartswith, is)"))?;
        let value = self.literal()?;
        Ok(Expr::Compare { column, op, case_insensitive, value })
    }

    fn relation(&mut self) -> Option<(Relation, bool)> {
        // Longest symbols first, so `<=` is not read as `<`.
        let symbols = [("!=", Relation::Ne), ("<=", Relation::Le), (">=", Relation::Ge), ("=", Relation::Eq), ("<", Relation::Lt), (">", Relation::Gt)];
        for (s, op) in symbols {
            if self.eat(s) {
                return Some((op, false));
            }
        }
        let words = [
            ("eq", Relation::Eq),
            ("ne", Relation::Ne),
            ("lt", Relation::Lt),
            ("le", Relation::Le),
            ("gt", Relation::Gt),
            ("ge", Relation::Ge),
            ("contains", Relation::Contains),
            ("datestartswith", Relation::DateStartsWith),
        ];
        for (prefix, insensitive) in [("", false), ("i", true), ("s", false)] {
            for (w, op) in words {
                if self.eat(&format!("{prefix}{w}")) {
                    return Some((op, insensitive));
                }
            }
        }
        None
    }

    fn literal(&mut self) -> Result<Literal, QueryError> {
        self.skip_space();
        match self.peek() {
            Some(q @ ('"' | '\'' | '`')) => {
                self.pos += 1;
                self.until(q, "unclosed quoted value").map(Literal::Text)
            }
            None => Err(self.error("expected a value")),
            Some(_) => {
                let mut word = String::new();
                while let Some(c) = self.peek().filter(|c| !c.is_whitespace() && !matches!(c, ')' | '(' | '&' | '|')) {
                    word.push(c);
                    self.pos += 1;
                }
                if word.is_empty() {
                    return Err(self.error("expected a value"));
                }
                Ok(word.parse::<f64>().map_or(Literal::Text(word), Literal::Number))
            }
        }
    }
}

/// A table's `sort_by`: `[{column_id, direction: "asc" | "desc"}]`, first key first. As a
/// callback argument it decodes straight from the table's `sort_by` (unset means unsorted).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SortBy(pub Vec<SortKey>);

impl<'de> Deserialize<'de> for SortBy {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Option::<Vec<SortKey>>::deserialize(d).map(|keys| SortBy(keys.unwrap_or_default()))
    }
}

/// As a callback argument, a `filter_query` parses as it is decoded (unset means no filter),
/// so a query that does not parse is reported naming the table and property.
impl<'de> Deserialize<'de> for FilterQuery {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let query = Option::<String>::deserialize(d)?.unwrap_or_default();
        FilterQuery::parse(&query).map_err(serde::de::Error::custom)
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct SortKey {
    pub column_id: String,
    pub direction: Direction,
}

#[derive(Debug, Clone, Copy, PartialEq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Asc,
    Desc,
}

impl SortBy {
    pub fn from_value(v: &Value) -> Result<SortBy, serde_json::Error> {
        if v.is_null() {
            return Ok(SortBy(Vec::new()));
        }
        serde_json::from_value(v.clone())
    }

    /// Sorts rows in place, stably: numbers numerically, text as text, empty cells last.
    pub fn sort(&self, rows: &mut [Value]) {
        rows.sort_by(|a, b| {
            for key in &self.0 {
                let o = cell_order(a.get(&key.column_id), b.get(&key.column_id));
                let o = if key.direction == Direction::Desc && !is_empty(a.get(&key.column_id)) && !is_empty(b.get(&key.column_id)) {
                    o.reverse()
                } else {
                    o
                };
                if o != Ordering::Equal {
                    return o;
                }
            }
            Ordering::Equal
        });
    }
}

fn is_empty(v: Option<&Value>) -> bool {
    v.is_none_or(Value::is_null)
}

fn cell_order(a: Option<&Value>, b: Option<&Value>) -> Ordering {
    match (is_empty(a), is_empty(b)) {
        (true, true) => return Ordering::Equal,
        (true, false) => return Ordering::Greater,
        (false, true) => return Ordering::Less,
        (false, false) => {}
    }
    let (a, b) = (a.unwrap_or(&Value::Null), b.unwrap_or(&Value::Null));
    match (as_number(a), as_number(b)) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        _ => as_text(a).cmp(&as_text(b)),
    }
}

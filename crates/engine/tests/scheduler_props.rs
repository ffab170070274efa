//! Property test of the scheduler: random acyclic apps and random change sequences. In every
//! wave each callback fires at most once (exactly the callbacks downstream of the change fire),
//! and the final values equal a plain sequential evaluation of the same graph.

use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use proptest::prelude::*;
use serde_json::json;
use std::collections::BTreeSet;

const MODULUS: i64 = 1_000_003;

#[derive(Debug, Clone)]
struct Graph {
    sources: usize,
    /// For callback i: indices into sources (0..sources) then nodes (sources..sources+i).
    inputs: Vec<Vec<usize>>,
}

fn graph_strategy() -> impl Strategy<Value = Graph> {
    (1usize..4, 1usize..8).prop_flat_map(|(sources, callbacks)| {
        let per_callback: Vec<_> =
            (0..callbacks).map(|i| proptest::collection::btree_set(0..sources + i, 1..=3.min(sources + i))).collect();
        per_callback.prop_map(move |sets| Graph { sources, inputs: sets.into_iter().map(|s| s.into_iter().collect()).collect() })
    })
}

fn dep_name(g: &Graph, k: usize) -> (String, &'static str) {
    if k < g.sources {
        (format!("s{k}"), "value")
    } else {
        (format!("n{}", k - g.sources), "children")
    }
}

fn combine(i: usize, values: &[i64]) -> i64 {
    let weight = i64::try_from(i).unwrap_or(0) * 7 + 3;
    values.iter().fold(i64::try_from(i).unwrap_or(0), |acc, v| (acc * 31 + v * weight).rem_euclid(MODULUS))
}

fn build(g: &Graph) -> App {
    let mut kids: Vec<Component> = (0..g.sources).map(|s| input(format!("s{s}")).value(0)).collect();
    kids.extend((0..g.inputs.len()).map(|i| div(0).id(format!("n{i}"))));
    let mut app = App::new("random").layout(div(kids));
    for (i, ins) in g.inputs.iter().enumerate() {
        let deps: Vec<Input> = ins.iter().map(|&k| {
            let (id, prop) = dep_name(g, k);
            Input::new(id, prop)
        }).collect();
        // Any number of inputs: `Rest` takes them all.
        app = app.add(
            Callback::new(deps, Output::new(format!("n{i}"), "children"), move |Rest(values): Rest| -> Result<i64, CallbackError> {
                let values: Vec<i64> = values.iter().map(|v| v.as_i64().unwrap_or(0)).collect();
                Ok(combine(i, &values))
            })
            .name(&format!("cb{i}")),
        );
    }
    app
}

fn sequential(g: &Graph, sources: &[i64]) -> Vec<i64> {
    let mut nodes: Vec<i64> = Vec::new();
    for (i, ins) in g.inputs.iter().enumerate() {
        let vals: Vec<i64> = ins.iter().map(|&k| if k < g.sources { sources[k] } else { nodes[k - g.sources] }).collect();
        nodes.push(combine(i, &vals));
    }
    nodes
}

fn downstream(g: &Graph, changed: &BTreeSet<usize>) -> BTreeSet<usize> {
    let mut hit: BTreeSet<usize> = changed.clone();
    let mut fired = BTreeSet::new();
    for (i, ins) in g.inputs.iter().enumerate() {
        if ins.iter().any(|k| hit.contains(k)) {
            fired.insert(i);
            hit.insert(g.sources + i);
        }
    }
    fired
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]
    #[test]
    fn waves_fire_each_callback_at_most_once_and_match_sequential_evaluation(
        g in graph_strategy(),
        steps in proptest::collection::vec(proptest::collection::vec((0usize..3, -50i64..50), 1..3), 1..6),
    ) {
        let rt = tokio::runtime::Builder::new_multi_thread().worker_threads(2).enable_all().build().expect("runtime");
        rt.block_on(async {
            let mut t = TestApp::start(build(&g)).await.expect("starts");
            let mut sources = vec![0i64; g.sources];
            for step in steps {
                let mut changes = Vec::new();
                let mut changed = BTreeSet::new();
                for (s, v) in step {
                    let s = s % g.sources;
                    if changed.insert(s) {
                        sources[s] = v;
                        changes.push(Change::new(format!("s{s}"), "value", v));
                    }
                }
                t.set_many(changes).await.expect("set");
                let expected_fired = downstream(&g, &changed);
                for i in 0..g.inputs.len() {
                    let calls = t.calls_since_last_set(&format!("cb{i}")).await;
                    prop_assert!(calls <= 1, "cb{} fired {} times in one wave", i, calls);
                    prop_assert_eq!(calls == 1, expected_fired.contains(&i), "cb{} fired: {}", i, calls);
                }
            }
            let want = sequential(&g, &sources);
            for (i, w) in want.iter().enumerate() {
                prop_assert_eq!(t.get(format!("n{i}"), "children").await, json!(w));
            }
            prop_assert!(t.take_errors().is_empty());
            Ok(())
        })?;
    }
}

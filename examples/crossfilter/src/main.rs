//! A cross-filtering dashboard over 50,000 generated orders: the region dropdown drives four
//! charts (scatter, daily line, histogram2d, histogram2dcontour). The filtering runs once per
//! change, into a store holding a server-side value: the four chart callbacks receive that
//! very value (no copy, nothing serialized); they run concurrently and the window repaints
//! all four in one batch. Below, an orders table filters
//! and sorts in Rust (`filter_action`/`sort_action` "custom"): the table reports Dash's
//! `filter_query` and `sort_by`, and `deskdash::table` applies them to the region's orders.
//! Run: `cargo run -p crossfilter`.

use deskdash::prelude::*;
use plotly::common::{Line, Marker, Mode, Title};
use plotly::layout::{Axis, Margin};
use plotly::{Layout, Plot, Scatter};
use rand::{Rng, SeedableRng};
use rand_distr::{Distribution, Normal};

const POINTS: usize = 50_000;
const REGIONS: [&str; 4] = ["North", "South", "East", "West"];
const DAYS: u32 = 365;

/// The generated orders, column by column.
struct Orders {
    region: Vec<u8>,
    price: Vec<f64>,
    demand: Vec<f64>,
    day: Vec<u32>,
}

fn generate() -> Orders {
    let mut rng = rand::rngs::StdRng::seed_from_u64(42);
    let mut o = Orders { region: vec![], price: vec![], demand: vec![], day: vec![] };
    for _ in 0..POINTS {
        let r: u8 = rng.random_range(0..4);
        let day: u32 = rng.random_range(0..DAYS);
        let base: f64 = [18.0, 26.0, 34.0, 42.0][r as usize];
        let price = Normal::new(base, 6.0).map(|n| n.sample(&mut rng)).unwrap_or(base).max(1.0);
        let season = (f64::from(day) / f64::from(DAYS) * std::f64::consts::TAU).sin() * 8.0;
        let noise = Normal::new(0.0, 5.0).map(|n| n.sample(&mut rng)).unwrap_or(0.0);
        let demand = (120.0 - 1.6 * price + season + noise).max(0.0);
        o.region.push(r);
        o.price.push((price * 100.0).round() / 100.0);
        o.demand.push((demand * 10.0).round() / 10.0);
        o.day.push(day);
    }
    o
}

/// What the filter step shares with the four charts, by reference.
#[derive(Default)]
struct Filtered {
    price: Vec<f64>,
    demand: Vec<f64>,
    day: Vec<u32>,
}

fn filter(orders: &Orders, region: &str) -> Filtered {
    let wanted = REGIONS.iter().position(|r| *r == region);
    let mut f = Filtered::default();
    for i in 0..orders.price.len() {
        if wanted.is_none_or(|w| usize::from(orders.region[i]) == w) {
            f.price.push(orders.price[i]);
            f.demand.push(orders.demand[i]);
            f.day.push(orders.day[i]);
        }
    }
    f
}

fn chart_layout(title: &str, x: &str, y: &str) -> Layout {
    Layout::new()
        .title(Title::with_text(title))
        .margin(Margin::new().left(56).right(16).top(48).bottom(48))
        .x_axis(Axis::new().title(Title::with_text(x)))
        .y_axis(Axis::new().title(Title::with_text(y)))
        .show_legend(false)
}

fn filter_orders(region: Option<String>, orders: Shared<Orders>) -> (Serverside<Filtered>, String) {
    let f = filter(&orders, region.as_deref().unwrap_or("All regions"));
    let mean = f.demand.iter().sum::<f64>() / f.demand.len().max(1) as f64;
    let summary = format!("{} orders · mean demand {mean:.1} units", thousands(f.price.len()));
    (Serverside::new(f), summary)
}

fn scatter(f: Serverside<Filtered>) -> Value {
    let mut plot = Plot::new();
    plot.add_trace(
        Scatter::new(f.price.clone(), f.demand.clone())
            .mode(Mode::Markers)
            .web_gl_mode(true)
            .marker(Marker::new().size(3).opacity(0.35).color("#4c6ef5")),
    );
    plot.set_layout(chart_layout("Price vs demand", "Price (€)", "Demand (units)"));
    figure(&plot)
}

fn daily(f: Serverside<Filtered>) -> Value {
    let mut sum = vec![0.0; DAYS as usize];
    let mut count = vec![0u32; DAYS as usize];
    for (d, v) in f.day.iter().zip(&f.demand) {
        sum[*d as usize] += v;
        count[*d as usize] += 1;
    }
    let days: Vec<u32> = (0..DAYS).collect();
    let mean: Vec<f64> = sum.iter().zip(&count).map(|(s, c)| if *c == 0 { 0.0 } else { s / f64::from(*c) }).collect();
    let mut plot = Plot::new();
    plot.add_trace(Scatter::new(days, mean).mode(Mode::Lines).line(Line::new().color("#20c997").width(2.0)));
    plot.set_layout(chart_layout("Mean demand per day", "Day of year", "Demand (units)"));
    figure(&plot)
}

const SCALE: [(f64, &str); 3] = [(0.0, "rgba(76,110,245,0.04)"), (0.5, "#748ffc"), (1.0, "#364fc7")];

fn density(f: Serverside<Filtered>) -> Value {
    let mut plot = Plot::new();
    plot.add_trace(Histogram2d::new(f.price.clone(), f.demand.clone()).nbins(40, 40).colorscale(SCALE).show_scale(false));
    plot.set_layout(chart_layout("Order density", "Price (€)", "Demand (units)"));
    figure(&plot)
}

fn contour(f: Serverside<Filtered>) -> Value {
    let mut plot = Plot::new();
    plot.add_trace(Histogram2dContour::new(f.price.clone(), f.demand.clone()).contours(14).colorscale(SCALE).show_scale(false));
    plot.set_layout(chart_layout("Density contours", "Price (€)", "Demand (units)"));
    figure(&plot)
}

fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Rows the orders table shows at most (the rest are counted, not sent).
const TABLE_ROWS: usize = 200;

fn order_rows(orders: &Orders, region: &str) -> Vec<Value> {
    let wanted = REGIONS.iter().position(|r| *r == region);
    (0..orders.price.len())
        .filter(|&i| wanted.is_none_or(|w| usize::from(orders.region[i]) == w))
        .map(|i| {
            json!({
                "order": i + 1,
                "day": orders.day[i] + 1,
                "region": REGIONS[usize::from(orders.region[i])],
                "price": orders.price[i],
                "demand": orders.demand[i],
            })
        })
        .collect()
}

/// The table's rows for a region, filter and sort, and a line saying how many matched.
fn orders_table(region: Option<String>, query: FilterQuery, sort_by: SortBy, orders: Shared<Orders>) -> (Vec<Value>, String) {
    let mut rows = query.filter(&order_rows(&orders, region.as_deref().unwrap_or("All regions")));
    sort_by.sort(&mut rows);
    let matched = rows.len();
    rows.truncate(TABLE_ROWS);
    let line = if matched > TABLE_ROWS {
        format!("First {TABLE_ROWS} of {} matching orders", thousands(matched))
    } else {
        format!("{} matching orders", thousands(matched))
    };
    (rows, line)
}

fn clear_filters(_n: u64) -> &'static str {
    ""
}

fn table_columns() -> Value {
    json!([
        {"id": "order", "name": "Order", "type": "numeric"},
        {"id": "day", "name": "Day", "type": "numeric"},
        {"id": "region", "name": "Region", "type": "text"},
        {"id": "price", "name": "Price (€)", "type": "numeric"},
        {"id": "demand", "name": "Demand", "type": "numeric"},
    ])
}

fn layout() -> Component {
    let mut regions = vec!["All regions"];
    regions.extend(REGIONS);
    let chart = |id: &str| card(graph(id).height(340)).with_border();
    stack((
        div((
            h1("Crossfilter"),
            text("50,000 generated orders. Pick a region: the filter runs once in Rust and feeds all four charts.").dimmed(),
        )),
        group((
            dropdown("region").options(regions).value("All regions").clearable(false).label("Region"),
            text(id("summary")).dimmed(),
        ))
        .align("flex-end")
        .gap("lg"),
        store("filtered"),
        simple_grid((chart("scatter"), chart("daily"), chart("density"), chart("contour"))).cols(2).spacing("md"),
        card(stack((
            group((
                h3("Orders"),
                text(id("orders-count")).dimmed(),
                button("Clear filters").id("clear-filters").variant("subtle").size("xs"),
            ))
            .align("baseline"),
            data_table("orders")
                .columns(table_columns())
                .filter_action("custom")
                .sort_action("custom")
                .filter_query("")
                .height(420),
        )))
        .with_border(),
    ))
    .gap("lg")
    .style(json!({"padding": "32px 32px 24px", "maxWidth": 1400, "margin": "0 auto"}))
}

fn main() -> deskdash::Result<()> {
    App::new("Crossfilter")
        .shared(generate())
        .layout(layout())
        .callback(
            Input::new("region", "value"),
            (Output::new("filtered", "data"), Output::new("summary", "children")),
            filter_orders,
        )
        .callback(Input::new("filtered", "data"), Output::new("scatter", "figure"), scatter)
        .callback(Input::new("filtered", "data"), Output::new("daily", "figure"), daily)
        .callback(Input::new("filtered", "data"), Output::new("density", "figure"), density)
        .callback(Input::new("filtered", "data"), Output::new("contour", "figure"), contour)
        .callback(
            (Input::new("region", "value"), Input::new("orders", "filter_query"), Input::new("orders", "sort_by")),
            (Output::new("orders", "data"), Output::new("orders-count", "children")),
            orders_table,
        )
        .callback(Input::new("clear-filters", "n_clicks"), Output::new("orders", "filter_query"), clear_filters)
        .prevent_initial_call()
        .run(tauri::generate_context!())
}

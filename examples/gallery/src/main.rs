//! Every Mantine component family deskdash draws, one tab per family, each component wired
//! to a callback on its main property: the visual reference, in light and dark (the toggle at
//! the top right) and in any primary colour (the switch in the header, which sets the
//! MantineProvider's theme from a callback). Run: `cargo run -p gallery`.

mod families;

use deskdash::prelude::*;
use families::{buttons, charts, custom, display, feedback, icons, inputs, layout_family, navigation, overlays, typography};

/// The props the demos report, each echoed under its component by one MATCH callback.
const REPORTED: &[&str] = &["value", "checked", "n_clicks", "opened", "active", "expanded", "hide", "clickData", "picked"];

const FAMILIES: &[(&str, &str)] = &[
    ("layout", "Layout"),
    ("typography", "Typography"),
    ("inputs", "Inputs"),
    ("buttons", "Buttons"),
    ("feedback", "Feedback"),
    ("overlays", "Overlays"),
    ("navigation", "Navigation"),
    ("display", "Data display"),
    ("icons", "Icons"),
    ("charts", "Charts"),
    ("custom", "Own component"),
];

/// The gallery's own component (`components/index.jsx`), built into a script `./run` makes.
const COMPONENTS_JS: &str = include_str!(concat!(env!("OUT_DIR"), "/components.js"));

/// What a demo's reported prop holds now, as its caption shows it.
fn show(value: Value) -> String {
    match value {
        Value::Null => "—".into(),
        Value::String(s) if s.is_empty() => "\"\"".into(),
        other => other.to_string(),
    }
}

fn primary_theme(color: String) -> Value {
    json!({ "primaryColor": color })
}

fn same_color(color: String) -> String {
    color
}

fn open_dialog(_clicks: u64) -> bool {
    true
}

fn notify(clicks: u64) -> Vec<dmc::Notification> {
    vec![dmc::show_notification(format!("Sent {clicks} time{} from a Rust callback", if clicks == 1 { "" } else { "s" }))
        .title("Notification")
        .color("teal")]
}

fn progress_value(value: Option<f64>) -> f64 {
    value.unwrap_or(40.0)
}

fn columns(value: Option<f64>) -> u32 {
    value.map_or(3, |v| v.round().clamp(1.0, 6.0) as u32)
}

fn icon_named(name: Option<String>) -> String {
    name.filter(|n| n.contains(':')).unwrap_or_else(|| "tabler:mood-smile".into())
}

fn next_step(clicks: u64) -> u64 {
    clicks.min(3)
}

fn chart_rows(scale: Option<f64>) -> Value {
    families::sales(scale.unwrap_or(1.0))
}

fn header() -> Component {
    dmc::group((
        dmc::group((
            dmc::icon("tabler:layout-dashboard").width(28).prop("color", "var(--mantine-primary-color-filled)"),
            dmc::title(2, "Gallery"),
        ))
        .gap("sm"),
        dmc::segmented_control("primary").data(["violet", "teal", "grape", "orange"]).value("violet"),
    ))
    .justify("space-between")
    .mr(48)
}

fn layout() -> Component {
    let tabs_list = dmc::tabs_list(FAMILIES.iter().map(|(value, label)| dmc::tabs_tab(value, *label)).collect::<Vec<_>>());
    let panels: Vec<Component> = vec![
        dmc::tabs_panel("layout", layout_family()),
        dmc::tabs_panel("typography", typography()),
        dmc::tabs_panel("inputs", inputs()),
        dmc::tabs_panel("buttons", buttons()),
        dmc::tabs_panel("feedback", feedback()),
        dmc::tabs_panel("overlays", overlays()),
        dmc::tabs_panel("navigation", navigation()),
        dmc::tabs_panel("display", display()),
        dmc::tabs_panel("icons", icons()),
        dmc::tabs_panel("charts", charts()),
        dmc::tabs_panel("custom", custom()),
    ];
    let mut tabs_children = vec![tabs_list.mb("md")];
    tabs_children.extend(panels);
    dmc::mantine_provider(
        dmc::container(dmc::stack((
            header(),
            dmc::tabs("family").value("layout").children(tabs_children),
            dmc::notification_container("notify"),
        )))
        .prop("size", 1100)
        .py("lg"),
    )
    .id("provider")
}

fn app() -> App {
    let mut app = App::new("deskdash gallery")
        // The app's theme; the header's switch changes it at run time through the MantineProvider.
        .theme(Theme::new().primary_color("violet"))
        .component(CustomKind::new("ColorSwatches").prop("colors", PropType::Array).editable("picked", PropType::Str))
        .component_bundle(COMPONENTS_JS)
        .layout(layout())
        .callback(Input::new("primary", "value"), Output::new("provider", "theme"), primary_theme)
        .prevent_initial_call()
        .callback(Input::new("primary", "value"), Output::new(families::demo("picked", "ColorSwatches"), "picked"), same_color)
        .callback(Input::new("open-modal", "n_clicks"), Output::new(families::demo("opened", "Modal"), "opened"), open_dialog)
        .prevent_initial_call()
        .callback(Input::new("open-drawer", "n_clicks"), Output::new(families::demo("opened", "Drawer"), "opened"), open_dialog)
        .prevent_initial_call()
        .callback(Input::new("send", "n_clicks"), Output::new("notify", "sendNotifications"), notify)
        .prevent_initial_call()
        .callback(Input::new(families::demo("value", "Slider"), "value"), Output::new("progress", "value"), progress_value)
        .callback(Input::new("cols", "value"), Output::new("grid", "cols"), columns)
        .callback(Input::new("icon-name", "value"), Output::new("chosen-icon", "icon"), icon_named)
        .callback(Input::new("next", "n_clicks"), Output::new(families::demo("active", "Stepper"), "active"), next_step)
        .prevent_initial_call()
        .callback(Input::new("scale", "value"), Output::new(families::demo("clickData", "BarChart"), "data"), chart_rows)
        .callback(Input::new("scale", "value"), Output::new(families::demo("clickData", "LineChart"), "data"), chart_rows)
        .callback(Input::new("scale", "value"), Output::new(families::demo("clickData", "AreaChart"), "data"), chart_rows);
    for prop in REPORTED {
        app = app.callback(
            Input::new(json!({"demo": prop, "name": MATCH}), *prop),
            Output::new(json!({"echo": prop, "name": MATCH}), "children"),
            show,
        );
    }
    app
}

fn main() -> deskdash::Result<()> {
    app().run(tauri::generate_context!())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn every_demo_echoes_its_main_prop() -> deskdash::Result<()> {
        let mut t = TestApp::start(app()).await?;
        assert_eq!(t.get(json!({"echo": "checked", "name": "Checkbox"}), "children").await, json!("true"));
        t.set(families::demo("checked", "Checkbox"), "checked", json!(false)).await?;
        assert_eq!(t.get(json!({"echo": "checked", "name": "Checkbox"}), "children").await, json!("false"));
        t.set(families::demo("value", "Select"), "value", json!("Rust")).await?;
        assert_eq!(t.get(json!({"echo": "value", "name": "Select"}), "children").await, json!("\"Rust\""));
        t.set("open-modal", "n_clicks", json!(1)).await?;
        assert_eq!(t.get(families::demo("opened", "Modal"), "opened").await, json!(true));
        t.set("primary", "value", json!("teal")).await?;
        assert_eq!(t.get("provider", "theme").await, json!({"primaryColor": "teal"}));
        // The app's own component: Rust set `picked`, the user changes it, the callback fires.
        assert_eq!(t.get(json!({"echo": "picked", "name": "ColorSwatches"}), "children").await, json!("\"teal\""));
        t.set(families::demo("picked", "ColorSwatches"), "picked", json!("grape")).await?;
        assert_eq!(t.get(json!({"echo": "picked", "name": "ColorSwatches"}), "children").await, json!("\"grape\""));
        Ok(())
    }
}

//! One page per component family. A demo's id says which prop it reports
//! (`{"demo": "value", "name": "Select"}`) and its caption has the matching echo id.

use deskdash::prelude::*;

/// The id of a demo reporting `prop`.
pub fn demo(prop: &str, name: &str) -> Value {
    json!({ "demo": prop, "name": name })
}

/// A card showing one component, its name, and what its main prop holds now.
fn shown(name: &str, prop: &str, component: Component) -> Component {
    dmc::card((
        dmc::text(name).weight(600).mb("xs"),
        component,
        dmc::text("").id(json!({"echo": prop, "name": name})).size("xs").c("dimmed").mt("xs"),
    ))
    .with_border()
}

/// A card showing components with no prop of their own to report.
fn plain(name: &str, component: impl IntoChildren) -> Component {
    dmc::card((dmc::text(name).weight(600).mb("xs"), dmc::stack(component).gap("xs"))).with_border()
}

fn page(cards: Vec<Component>) -> Component {
    dmc::simple_grid(cards).cols(3).spacing("md")
}

pub fn layout_family() -> Component {
    page(vec![
        plain(
            "SimpleGrid",
            (
                dmc::slider("cols").min(1.0).max(6.0).step(1.0).value(3).label("Columns"),
                dmc::simple_grid((1..=6).map(|n| dmc::paper(format!("{n}")).with_border().ta("center")).collect::<Vec<_>>())
                    .id("grid")
                    .spacing("xs"),
            ),
        ),
        plain(
            "Grid",
            dmc::grid((
                dmc::grid_col(dmc::paper("span 4").with_border()).span(4),
                dmc::grid_col(dmc::paper("span 8").with_border()).span(8),
                dmc::grid_col(dmc::paper("auto").with_border()).span("auto"),
            )),
        ),
        plain(
            "Group, Flex, Center",
            (
                dmc::group((dmc::badge("one"), dmc::badge("two"), dmc::badge("three"))).gap("xs"),
                dmc::flex((dmc::badge("a").variant("light"), dmc::badge("b").variant("light")))
                    .gap("xs")
                    .prop("direction", "column"),
                dmc::center(dmc::text("centred")).h(40).bg("var(--mantine-color-default-hover)"),
            ),
        ),
        plain("Paper", dmc::paper("A paper with a shadow").shadow("sm").p("md")),
        plain("Divider", (dmc::text("above"), dmc::divider().prop("label", "a labelled divider"), dmc::text("below"))),
        plain("ScrollArea", dmc::scroll_area((1..=12).map(|n| dmc::text(format!("Row {n}"))).collect::<Vec<_>>()).h(90)),
        // Ten thousand rows in a box that scrolls: only the ones in view are drawn.
        plain(
            "VirtualStack",
            div(dmc::virtual_stack((1..=10_000).map(|n| dmc::text(format!("Row {n}")).size("sm")).collect::<Vec<_>>())
                .id("virtual-rows")
                .gap(4)
                .prop("estimateSize", 26.0))
            .style(json!({"height": 90, "overflowY": "auto"})),
        ),
        plain(
            "Card and CardSection",
            dmc::card((dmc::card_section(dmc::text("a section").p("xs")).with_border(), dmc::text("body"))).with_border(),
        ),
        plain(
            "Container and Space",
            (
                dmc::container(dmc::text("a container of 200 px")).prop("size", 200).bg("var(--mantine-color-default-hover)"),
                dmc::space().h("md"),
            ),
        ),
    ])
}

pub fn typography() -> Component {
    page(vec![
        plain("Title", (dmc::title(1, "Title 1"), dmc::title(3, "Title 3"))),
        plain(
            "Text",
            (dmc::text("Regular text"), dmc::text("Dimmed and small").c("dimmed").size("sm"), dmc::text("Bold").weight(700)),
        ),
        plain("Anchor", dmc::anchor("An anchor", "#")),
        plain(
            "Code and Kbd",
            (dmc::code("let answer = 42;"), dmc::group((dmc::kbd("Ctrl"), dmc::text("+"), dmc::kbd("K"))).gap(4)),
        ),
        plain(
            "Blockquote",
            dmc::blockquote("Data apps, on the desktop.")
                .prop("cite", "– deskdash")
                .icon(dmc::icon("tabler:quote"))
                .mt("lg")
                .ml("xs"),
        ),
        plain("List", dmc::list((dmc::list_item("Layouts"), dmc::list_item("Callbacks"), dmc::list_item("Stores")))),
    ])
}

pub fn inputs() -> Component {
    let languages = ["Rust", "Python", "TypeScript"];
    page(vec![
        shown(
            "TextInput",
            "value",
            dmc::text_input(demo("value", "TextInput")).label("Name").placeholder("Your name").value("Ada"),
        ),
        shown("PasswordInput", "value", dmc::password_input(demo("value", "PasswordInput")).label("Password").value("")),
        shown(
            "NumberInput",
            "value",
            dmc::number_input(demo("value", "NumberInput")).label("Amount").value(5).min(0.0).max(10.0),
        ),
        shown(
            "Textarea",
            "value",
            dmc::textarea(demo("value", "Textarea")).label("Notes").autosize(true).min_rows(2).value("Two\nlines"),
        ),
        shown("Select", "value", dmc::select(demo("value", "Select")).label("Language").data(languages).value("Python")),
        shown(
            "MultiSelect",
            "value",
            dmc::multi_select(demo("value", "MultiSelect")).label("Languages").data(languages).value(["Rust"]),
        ),
        shown("TagsInput", "value", dmc::tags_input(demo("value", "TagsInput")).label("Tags").value(["desktop"])),
        shown(
            "Autocomplete",
            "value",
            dmc::autocomplete(demo("value", "Autocomplete")).label("Language").data(languages).value(""),
        ),
        shown("Checkbox", "checked", dmc::checkbox(demo("checked", "Checkbox")).label("Done").checked(true)),
        shown(
            "CheckboxGroup",
            "value",
            dmc::checkbox_group(demo("value", "CheckboxGroup"))
                .label("Pick some")
                .value(["a"])
                .children(dmc::group((dmc::checkbox_item("a", "A"), dmc::checkbox_item("b", "B"))).mt("xs")),
        ),
        shown("Switch", "checked", dmc::switch(demo("checked", "Switch")).label("Dark corners").checked(false)),
        shown(
            "RadioGroup",
            "value",
            dmc::radio_group(demo("value", "RadioGroup"))
                .value("s")
                .children(dmc::group((dmc::radio("s", "Small"), dmc::radio("l", "Large"))).mt("xs")),
        ),
        shown(
            "SegmentedControl",
            "value",
            dmc::segmented_control(demo("value", "SegmentedControl")).data(["Day", "Week", "Month"]).value("Week"),
        ),
        shown("Chip", "checked", dmc::chip(demo("checked", "Chip")).children("Chip").checked(true)),
        shown(
            "ChipGroup",
            "value",
            dmc::chip_group(demo("value", "ChipGroup")).value("x").children((dmc::chip_item("x", "X"), dmc::chip_item("y", "Y"))),
        ),
        shown("Slider", "value", dmc::slider(demo("value", "Slider")).min(0.0).max(100.0).value(40).prop("color", "teal")),
        shown("RangeSlider", "value", dmc::range_slider(demo("value", "RangeSlider")).min(0.0).max(100.0).value([20, 60])),
        shown("Rating", "value", dmc::rating(demo("value", "Rating")).value(3)),
        shown("ColorInput", "value", dmc::color_input(demo("value", "ColorInput")).label("Colour").value("#4c6ef5")),
        shown(
            "DateInput",
            "value",
            dmc::date_input(demo("value", "DateInput")).label("Day").value("2026-12-01").value_format("YYYY-MM-DD"),
        ),
        shown(
            "DatePickerInput",
            "value",
            dmc::date_picker_input(demo("value", "DatePickerInput")).label("Due").value("2026-12-24"),
        ),
        shown("FileInput", "value", dmc::file_input(demo("value", "FileInput")).label("A file").placeholder("Choose a file")),
    ])
}

pub fn buttons() -> Component {
    page(vec![
        shown(
            "Button",
            "n_clicks",
            dmc::button("Click me").id(demo("n_clicks", "Button")).left_section(dmc::icon("tabler:hand-click")),
        ),
        shown(
            "ActionIcon",
            "n_clicks",
            dmc::action_icon(dmc::icon("tabler:heart")).id(demo("n_clicks", "ActionIcon")).variant("light"),
        ),
        shown("CopyButton", "n_clicks", dmc::copy_button(demo("n_clicks", "CopyButton")).value("copied from deskdash")),
        plain(
            "Variants",
            dmc::group((
                dmc::button("filled"),
                dmc::button("light").variant("light"),
                dmc::button("outline").variant("outline"),
                dmc::button("subtle").variant("subtle"),
            ))
            .gap("xs"),
        ),
    ])
}

pub fn feedback() -> Component {
    page(vec![
        shown(
            "Alert",
            "hide",
            dmc::alert("Close me: hide becomes true.")
                .id(demo("hide", "Alert"))
                .title("An alert")
                .with_close_button(true)
                .icon(dmc::icon("tabler:info-circle")),
        ),
        plain(
            "Progress (from the Slider)",
            (
                dmc::progress("progress").value(40),
                dmc::progress("progress-striped").value(70).striped(true).prop("color", "teal"),
            ),
        ),
        plain(
            "RingProgress",
            dmc::ring_progress("ring")
                .sections(json!([{"value": 40, "color": "indigo"}, {"value": 25, "color": "teal"}]))
                .prop("label", dmc::text("65%").ta("center").into_json()),
        ),
        plain("Loader", dmc::group((dmc::loader(), dmc::loader().prop("type", "dots"), dmc::loader().prop("type", "bars")))),
        plain("Skeleton", (dmc::skeleton(()).h(12).radius("xl"), dmc::skeleton(()).h(12).w("70%").radius("xl"))),
        shown(
            "Notification",
            "hide",
            dmc::notification("Close me").id(demo("hide", "Notification")).title("A notification").with_close_button(true),
        ),
        plain("Notifications API", dmc::button("Send a notification").id("send")),
    ])
}

pub fn overlays() -> Component {
    page(vec![
        shown(
            "Modal",
            "opened",
            dmc::group((
                dmc::button("Open the modal").id("open-modal"),
                dmc::modal(demo("opened", "Modal"))
                    .title("A modal")
                    .opened(false)
                    .children(dmc::text("Close it: opened becomes false.")),
            )),
        ),
        shown(
            "Drawer",
            "opened",
            dmc::group((
                dmc::button("Open the drawer").id("open-drawer"),
                dmc::drawer(demo("opened", "Drawer")).title("A drawer").opened(false).children(dmc::text("Drawer content")),
            )),
        ),
        plain("Tooltip", dmc::tooltip("A tooltip", dmc::button("Hover me").variant("light"))),
        shown(
            "Popover",
            "opened",
            dmc::popover(demo("opened", "Popover")).with_arrow(true).children((
                dmc::popover_target(dmc::button("Toggle the popover").variant("light")),
                dmc::popover_dropdown(dmc::text("Popover content")),
            )),
        ),
        plain(
            "HoverCard",
            dmc::hover_card((
                dmc::hover_card_target(dmc::anchor("Hover this", "#")),
                dmc::hover_card_dropdown(dmc::text("Hover card content")),
            )),
        ),
        shown(
            "MenuItem",
            "n_clicks",
            dmc::menu(demo("opened", "Menu")).children((
                dmc::menu_target(dmc::button("Open the menu").variant("light")),
                dmc::menu_dropdown((
                    dmc::menu_label("Actions"),
                    dmc::menu_item("Rename").id(demo("n_clicks", "MenuItem")).left_section(dmc::icon("tabler:pencil")),
                    dmc::menu_divider(),
                    dmc::menu_item("Delete").prop("color", "red").left_section(dmc::icon("tabler:trash")),
                )),
            )),
        ),
    ])
}

pub fn navigation() -> Component {
    page(vec![
        shown(
            "Tabs",
            "value",
            dmc::tabs(demo("value", "Tabs")).value("one").variant("outline").children((
                dmc::tabs_list((dmc::tabs_tab("one", "One"), dmc::tabs_tab("two", "Two"))),
                dmc::tabs_panel("one", dmc::text("First panel").p("xs")),
                dmc::tabs_panel("two", dmc::text("Second panel").p("xs")),
            )),
        ),
        shown(
            "NavLink",
            "n_clicks",
            dmc::stack((
                dmc::nav_link(demo("n_clicks", "NavLink"))
                    .prop("label", "Dashboard")
                    .left_section(dmc::icon("tabler:gauge"))
                    .active(true),
                dmc::nav_link("nav-settings").prop("label", "Settings").left_section(dmc::icon("tabler:settings")),
            ))
            .gap(0),
        ),
        plain("Breadcrumbs", dmc::breadcrumbs((dmc::anchor("Home", "#"), dmc::anchor("Reports", "#"), dmc::text("2026")))),
        shown("Pagination", "value", dmc::pagination(demo("value", "Pagination")).total(8).value(2)),
        shown(
            "Stepper",
            "active",
            dmc::stack((
                dmc::stepper(demo("active", "Stepper")).active(1).size("sm").children((
                    dmc::stepper_step("Plan", "Plan it"),
                    dmc::stepper_step("Build", "Build it"),
                    dmc::stepper_step("Ship", "Ship it"),
                    dmc::stepper_completed("Done"),
                )),
                dmc::button("Go to step").id("next").variant("light"),
            )),
        ),
    ])
}

pub fn display() -> Component {
    let table = json!({"head": ["Element", "Symbol"], "body": [["Hydrogen", "H"], ["Carbon", "C"], ["Iron", "Fe"]]});
    page(vec![
        plain(
            "Badge",
            dmc::group((
                dmc::badge("default"),
                dmc::badge("light").variant("light"),
                dmc::badge("dot").variant("dot"),
                dmc::badge("teal").prop("color", "teal"),
            ))
            .gap("xs"),
        ),
        plain(
            "Avatar and Indicator",
            dmc::group((
                dmc::avatar_group((dmc::avatar("AL"), dmc::avatar("GH").prop("color", "teal"), dmc::avatar("+3"))),
                dmc::indicator(dmc::avatar("DD")).prop("label", "3").prop("size", 16),
            )),
        ),
        plain(
            "ThemeIcon",
            dmc::group((
                dmc::theme_icon(dmc::icon("tabler:database").width(18)),
                dmc::theme_icon(dmc::icon("tabler:cpu").width(18)).variant("light"),
            )),
        ),
        shown(
            "Accordion",
            "value",
            dmc::accordion(demo("value", "Accordion")).value("a").children((
                dmc::accordion_item(
                    "a",
                    (dmc::accordion_control("What is deskdash?"), dmc::accordion_panel("Dash's way, on the desktop.")),
                ),
                dmc::accordion_item(
                    "b",
                    (dmc::accordion_control("Offline?"), dmc::accordion_panel("Everything ships inside the app.")),
                ),
            )),
        ),
        plain(
            "Timeline",
            dmc::timeline((
                dmc::timeline_item("Created", dmc::text("The list").size("sm")),
                dmc::timeline_item("Shared", dmc::text("Two windows").size("sm")),
                dmc::timeline_item("Shipped", dmc::text("A signed package").size("sm")),
            ))
            .active(1)
            .prop("bulletSize", 16),
        ),
        plain("Table", dmc::table(()).data(table).striped(true).highlight_on_hover(true).with_table_border(true)),
        plain("Image", dmc::image(DOT_SVG).h(80).w(80).radius("md")),
        shown(
            "Spoiler",
            "expanded",
            dmc::spoiler(dmc::text("A long text that the spoiler folds away. ".repeat(6)))
                .id(demo("expanded", "Spoiler"))
                .max_height(44),
        ),
    ])
}

/// A small picture shipped inside the app (the CSP allows data: images, nothing remote).
const DOT_SVG: &str = "data:image/svg+xml;utf8,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 10 10'><rect width='10' height='10' fill='%234c6ef5'/><circle cx='5' cy='5' r='3' fill='white'/></svg>";

pub fn icons() -> Component {
    let names = [
        "tabler:home",
        "tabler:search",
        "tabler:settings",
        "tabler:trash",
        "tabler:x",
        "tabler:check",
        "tabler:user",
        "tabler:bell",
        "mdi:home",
        "mdi:account",
        "mdi:database",
        "mdi:chart-line",
        "mdi:cog",
        "mdi:star",
        "mdi:heart",
        "mdi:folder",
    ];
    page(vec![
        plain(
            "DashIconify (tabler and mdi)",
            dmc::simple_grid(names.iter().map(|n| dmc::tooltip(*n, dmc::icon(n).width(24))).collect::<Vec<_>>())
                .cols(8)
                .spacing("sm"),
        ),
        plain(
            "Any bundled name",
            (
                dmc::text_input("icon-name").label("Icon name").value("tabler:mood-smile").placeholder("tabler:… or mdi:…"),
                dmc::icon("tabler:mood-smile").id("chosen-icon").width(48).prop("color", "var(--mantine-primary-color-filled)"),
            ),
        ),
    ])
}

/// Rows for the cartesian charts, scaled by the slider.
pub fn sales(scale: f64) -> Value {
    let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"];
    let base = [12.0, 19.0, 15.0, 24.0, 21.0, 30.0];
    let rows: Vec<Value> = months
        .iter()
        .zip(base)
        .enumerate()
        .map(|(i, (m, b))| json!({"month": m, "desktop": (b * scale).round(), "web": ((b * 0.6 + i as f64 * 2.0) * scale).round()}))
        .collect();
    Value::Array(rows)
}

pub fn charts() -> Component {
    let series = json!([{"name": "desktop", "color": "indigo.6"}, {"name": "web", "color": "teal.6"}]);
    let shares = json!([{"name": "Linux", "value": 48, "color": "indigo.6"}, {"name": "macOS", "value": 32, "color": "teal.6"}, {"name": "Windows", "value": 20, "color": "orange.6"}]);
    page(vec![
        plain("Scale (feeds the three charts)", dmc::slider("scale").min(0.5).max(2.0).step(0.1).value(1.0)),
        shown(
            "BarChart",
            "clickData",
            dmc::bar_chart(demo("clickData", "BarChart")).data(sales(1.0)).data_key("month").series(series.clone()).h(180),
        ),
        shown(
            "LineChart",
            "clickData",
            dmc::line_chart(demo("clickData", "LineChart"))
                .data(sales(1.0))
                .data_key("month")
                .series(series.clone())
                .curve_type("monotone")
                .h(180),
        ),
        shown(
            "AreaChart",
            "clickData",
            dmc::area_chart(demo("clickData", "AreaChart")).data(sales(1.0)).data_key("month").series(series).h(180),
        ),
        shown(
            "DonutChart",
            "clickData",
            dmc::donut_chart(demo("clickData", "DonutChart")).data(shares.clone()).prop("chartLabel", "Users"),
        ),
        shown("PieChart", "clickData", dmc::pie_chart(demo("clickData", "PieChart")).data(shares).prop("withLabels", true)),
        plain(
            "Sparkline",
            dmc::sparkline("spark").data([10, 20, 40, 20, 40, 10, 50]).h(60).curve_type("linear").prop("color", "teal"),
        ),
    ])
}

/// The app's own component, declared in Rust and drawn by `components/index.jsx`.
pub fn custom() -> Component {
    page(vec![shown(
        "ColorSwatches",
        "picked",
        Component::new("ColorSwatches")
            .id(demo("picked", "ColorSwatches"))
            .prop("colors", ["violet", "teal", "grape", "orange", "red"])
            .prop("picked", "violet"),
    )])
}

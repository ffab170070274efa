//! Pages (Dash's `use_pages`): the page container draws the page the window's `Location`
//! points at, path variables and the query reach its layout, callbacks of a page's
//! components are checked at registration and run once the page is drawn, the title follows
//! the page, and an unknown path gets the not-found page.

use deskdash_engine::pages::{CONTENT_ID, LOCATION_ID};
use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::Value;

fn report(args: &PageArgs) -> Component {
    div((
        h2(format!("Report {}", args.var("id").unwrap_or("?"))),
        p(format!("tab {}", args.query("tab").unwrap_or("none"))),
        input("report-note"),
        div(()).id("report-echo"),
    ))
}

fn home(_: &PageArgs) -> Component {
    div((button("Count").id("count"), div(()).id("clicks"), button("Open report 9").id("open-report")))
}

fn app() -> App {
    let app = App::new("pages")
        .register_page(Page::new("/", home).name("Home").order(0))
        .register_page(Page::new("/report/<id>", report).title("Report {id}"));
    let menu: Vec<Component> = app.page_registry().iter().map(|p| link(p.name.as_str()).href(&p.path)).collect();
    app.layout(div((nav(menu), page_container())))
        .callback(Input::new("count", "n_clicks"), Output::new("clicks", "children"), |n: Option<u64>| {
            format!("{} clicks", n.unwrap_or(0))
        })
        // Dash's dcc.Location as an Output: a callback moves the window to another page. As
        // in Dash, it is called when its button is drawn (its output was there before), with
        // no click yet.
        .callback(Input::new("open-report", "n_clicks"), Output::new(LOCATION_ID, "pathname"), |n: Option<u64>| match n {
            Some(_) => Update::Set("/report/9"),
            None => Update::NoUpdate,
        })
        .callback(Input::new("report-note", "value"), Output::new("report-echo", "children"), |v: Option<String>| {
            v.unwrap_or_default()
        })
}

fn titles(t: &mut TestApp) -> Vec<String> {
    t.take_desktop_requests()
        .into_iter()
        .filter_map(|r| match r {
            DesktopRequest::SetTitle { title } => Some(title),
            _ => None,
        })
        .collect()
}

async fn content(t: &TestApp) -> String {
    t.get(CONTENT_ID, "children").await.to_string()
}

#[tokio::test]
async fn the_container_draws_the_page_of_the_path() -> Result<()> {
    let mut t = TestApp::start(app()).await?;
    assert!(content(&t).await.contains("Count"), "the start page is drawn on load");
    assert_eq!(titles(&mut t), ["Home"]);
    assert_eq!(t.get("clicks", "children").await, "0 clicks", "a page's own callbacks run once it is drawn");
    t.set("count", "n_clicks", 2).await?;
    assert_eq!(t.get("clicks", "children").await, "2 clicks");

    t.set_many(vec![Change::new(LOCATION_ID, "pathname", "/report/42"), Change::new(LOCATION_ID, "search", "?tab=sales")])
        .await?;
    let drawn = content(&t).await;
    assert!(drawn.contains("Report 42") && drawn.contains("tab sales"), "{drawn}");
    assert_eq!(titles(&mut t), ["Report 42"], "the title follows the page, with its variables");
    assert_eq!(t.get("count", "n_clicks").await, Value::Null, "the last page's components are gone");
    t.set("report-note", "value", "fine").await?;
    assert_eq!(t.get("report-echo", "children").await, "fine");
    let errors = t.take_errors();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}

#[tokio::test]
async fn a_callback_setting_the_pathname_moves_the_window_to_that_page() -> Result<()> {
    let mut t = TestApp::start(app()).await?;
    titles(&mut t);
    t.set("open-report", "n_clicks", 1).await?;
    assert_eq!(t.get(LOCATION_ID, "pathname").await, "/report/9");
    assert!(content(&t).await.contains("Report 9"), "the router follows the callback's pathname");
    assert_eq!(titles(&mut t), ["Report 9"]);
    let errors = t.take_errors();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}

#[tokio::test]
async fn an_unknown_path_gets_the_not_found_page_and_the_app_goes_on() -> Result<()> {
    let mut t = TestApp::start(app()).await?;
    t.set(LOCATION_ID, "pathname", "/no/such/page").await?;
    assert!(content(&t).await.contains("Nothing is at /no/such/page."));
    assert_eq!(titles(&mut t).last().map(String::as_str), Some("Page not found · pages"));
    t.set(LOCATION_ID, "pathname", "/").await?;
    assert!(content(&t).await.contains("Count"));

    let own = App::new("own")
        .register_page(Page::new("/", home))
        .not_found(|a| p(format!("lost at {}", a.path)))
        .layout(page_container());
    let mut t = TestApp::start(own).await?;
    t.set(LOCATION_ID, "pathname", "/x").await?;
    assert!(content(&t).await.contains("lost at /x"));
    Ok(())
}

#[test]
fn registration_checks_page_ids_and_paths() {
    let unknown = App::new("a").register_page(Page::new("/", home)).layout(page_container()).callback(
        Input::new("nowhere", "n_clicks"),
        Output::new("clicks", "children"),
        |_: Option<u64>| "x",
    );
    let err = unknown.build().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("nowhere"), "an id in no page and not in the layout is refused: {err}");

    let twice = App::new("a").register_page(Page::new("/x", home)).register_page(Page::new("/x/", home)).layout(page_container());
    let err = twice.build().err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err.contains("two pages are registered at /x"), "{err}");

    let entries = app().page_registry();
    let listed: Vec<(&str, &str)> = entries.iter().map(|e| (e.path.as_str(), e.name.as_str())).collect();
    assert_eq!(listed, [("/", "Home"), ("/report/<id>", "Report")]);
}

/// Dash's common multi-page pattern: a store in the app's layout, outside the pages, feeds a
/// page's text. The page's output is not drawn while another page shows, so the callback is
/// called when the page is drawn (again), with the store's value.
#[tokio::test]
async fn a_store_outside_the_pages_fills_a_page_each_time_it_is_drawn() -> Result<()> {
    let app = App::new("pages")
        .register_page(Page::new("/", |_: &PageArgs| div(div(()).id("shown-count")).into()).name("Home"))
        .register_page(Page::new("/other", |_: &PageArgs| div(p("elsewhere")).into()).name("Other"));
    let app = app.layout(div((store("count").data(3), page_container()))).callback(
        Input::new("count", "data"),
        Output::new("shown-count", "children"),
        |n: Option<u64>| format!("{} saved", n.unwrap_or(0)),
    );
    let mut t = TestApp::start(app).await?;
    assert_eq!(t.get("shown-count", "children").await, "3 saved", "drawn on load");
    t.set(LOCATION_ID, "pathname", "/other").await?;
    assert_eq!(t.get("shown-count", "children").await, Value::Null, "gone with its page");
    t.set("count", "data", 4).await?;
    t.set(LOCATION_ID, "pathname", "/").await?;
    assert_eq!(t.get("shown-count", "children").await, "4 saved", "filled again when its page is drawn again");
    let errors = t.take_errors();
    assert!(errors.is_empty(), "{errors:?}");
    Ok(())
}

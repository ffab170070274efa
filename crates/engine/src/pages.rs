//! Pages, as Dash's `use_pages`: an app registers pages by path (`/report/<id>`), places a
//! [`page_container`] in its layout, and a built-in callback draws the page the window's
//! `Location` points at (path variables and the query string handed to its layout function),
//! or the not-found page. Navigating with a [`link`](crate::link) never reloads the window,
//! and the window's title follows the page.

use crate::auth::{explain, page_gate};
use crate::callback::Callback;
use crate::component::{div, link, location, Component};
use crate::context::Ctx;
use crate::deps::{Input, Output};
use crate::desktop::Desktop;
use crate::error::{CallbackError, PreventUpdate};
use serde_json::Value;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The ids of the page container's parts (Dash's `_pages_location`, `_pages_content`).
pub const LOCATION_ID: &str = "_pages_location";
pub const CONTENT_ID: &str = "_pages_content";

type PageLayout = Arc<dyn Fn(&PageArgs) -> Component + Send + Sync>;

/// What a page's layout function is called with: the path's variables and the query string.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageArgs {
    pub path: String,
    pub vars: BTreeMap<String, String>,
    pub query: BTreeMap<String, String>,
}

impl PageArgs {
    /// A path variable (`<id>` in `/report/<id>`), decoded.
    pub fn var(&self, name: &str) -> Option<&str> {
        self.vars.get(name).map(String::as_str)
    }
    /// A query parameter (`?tab=2`), decoded.
    pub fn query(&self, name: &str) -> Option<&str> {
        self.query.get(name).map(String::as_str)
    }
}

/// One page: its path template, name, title, place in menus and layout.
#[derive(Clone)]
pub struct Page {
    pub(crate) template: String,
    pub(crate) name: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) order: Option<i64>,
    pub(crate) public: bool,
    pub(crate) layout: PageLayout,
}

impl Page {
    /// A page at `path` (segments such as `<id>` are variables) drawn by `layout`.
    pub fn new(path: &str, layout: impl Fn(&PageArgs) -> Component + Send + Sync + 'static) -> Page {
        Page { template: normalize(path), name: None, title: None, order: None, public: false, layout: Arc::new(layout) }
    }
    /// The name menus show (by default made from the path: `/sales-report` is "Sales report").
    pub fn name(mut self, name: &str) -> Page {
        self.name = Some(name.to_string());
        self
    }
    /// The window's title on this page; `{id}` is replaced by the path variable `id`.
    pub fn title(mut self, title: &str) -> Page {
        self.title = Some(title.to_string());
        self
    }
    /// The page's place in [`PageEntry`] lists (lower first; pages without one follow).
    pub fn order(mut self, order: i64) -> Page {
        self.order = Some(order);
        self
    }
    /// Shown without logging in, when the app has accounts (`App::auth`); every other page
    /// is drawn only for a logged-in window.
    pub fn public(mut self) -> Page {
        self.public = true;
        self
    }

    fn default_name(&self) -> String {
        let last = self.template.trim_matches('/').split('/').rfind(|s| !is_variable(s)).unwrap_or("");
        if last.is_empty() {
            return "Home".into();
        }
        let words = last.replace(['-', '_'], " ");
        let mut chars = words.chars();
        chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
    }

    /// This page's variables if `path` is one of its paths.
    fn matches(&self, path: &str) -> Option<BTreeMap<String, String>> {
        let want: Vec<&str> = segments(&self.template).collect();
        let got: Vec<&str> = segments(path).collect();
        if want.len() != got.len() {
            return None;
        }
        let mut vars = BTreeMap::new();
        for (w, g) in want.iter().zip(&got) {
            let decoded = percent_encoding::percent_decode_str(g).decode_utf8_lossy().into_owned();
            match variable_name(w) {
                Some(name) if !decoded.is_empty() => {
                    vars.insert(name.to_string(), decoded);
                }
                Some(_) => return None,
                None if *w == decoded => {}
                None => return None,
            }
        }
        Some(vars)
    }
}

/// A registered page as a navigation menu lists it (Dash's `page_registry` entries).
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PageEntry {
    /// The path template, as registered (`/report/<id>`).
    pub path: String,
    pub name: String,
    pub title: String,
    pub order: Option<i64>,
    pub public: bool,
}

/// The app's pages, in menu order.
#[derive(Clone, Default)]
pub struct PageTable {
    pages: Vec<Page>,
    not_found: Option<PageLayout>,
}

/// The page a path leads to, and how to draw it.
pub(crate) struct Routed<'a> {
    pub page: Option<&'a Page>,
    pub args: PageArgs,
}

impl PageTable {
    pub(crate) fn add(&mut self, page: Page) -> Result<(), String> {
        if let Some(same) = self.pages.iter().find(|p| p.template == page.template) {
            return Err(format!("two pages are registered at {}", same.template));
        }
        if let Some(bad) = segments(&page.template).find(|s| s.contains(['<', '>']) && variable_name(s).is_none()) {
            return Err(format!("page {}: segment {bad} is not a variable (write <name>)", page.template));
        }
        self.pages.push(page);
        // Dash's order: by `order`, pages without one after; then "/" first; then by path.
        self.pages.sort_by(|a, b| {
            let key = |p: &Page| (p.order.is_none(), p.order, p.template != "/", p.template.clone());
            key(a).cmp(&key(b))
        });
        Ok(())
    }

    pub(crate) fn set_not_found(&mut self, layout: PageLayout) {
        self.not_found = Some(layout);
    }

    pub fn is_empty(&self) -> bool {
        self.pages.is_empty()
    }

    pub fn entries(&self) -> Vec<PageEntry> {
        self.pages
            .iter()
            .map(|p| {
                let name = p.name.clone().unwrap_or_else(|| p.default_name());
                PageEntry {
                    path: p.template.clone(),
                    title: p.title.clone().unwrap_or_else(|| name.clone()),
                    name,
                    order: p.order,
                    public: p.public,
                }
            })
            .collect()
    }

    /// The page for a window's `pathname` and `search`.
    pub(crate) fn route(&self, pathname: &str, search: &str) -> Routed<'_> {
        let path = normalize(pathname);
        let query = form_urlencoded::parse(search.trim_start_matches('?').as_bytes()).into_owned().collect();
        // Exact segments win over variables (`/report/new` before `/report/<id>`).
        let mut found: Option<(&Page, BTreeMap<String, String>)> = None;
        for page in &self.pages {
            if let Some(vars) = page.matches(&path) {
                if found.as_ref().is_none_or(|(_, v)| v.len() > vars.len()) {
                    found = Some((page, vars));
                }
            }
        }
        match found {
            Some((page, vars)) => Routed { page: Some(page), args: PageArgs { path, vars, query } },
            None => Routed { page: None, args: PageArgs { path, vars: BTreeMap::new(), query } },
        }
    }

    /// The layout and window title of a routed path.
    pub(crate) fn draw(&self, routed: &Routed<'_>, app_name: &str) -> (Component, String) {
        match routed.page {
            Some(page) => {
                let name = page.name.clone().unwrap_or_else(|| page.default_name());
                let mut title = page.title.clone().unwrap_or(name);
                for (k, v) in &routed.args.vars {
                    title = title.replace(&format!("{{{k}}}"), v);
                }
                ((page.layout)(&routed.args), title)
            }
            None => {
                let layout = match &self.not_found {
                    Some(f) => f(&routed.args),
                    None => not_found_layout(&routed.args.path),
                };
                (layout, format!("Page not found · {app_name}"))
            }
        }
    }

    /// Every page's layout drawn with no variables, for checking callbacks' ids at
    /// registration (Dash's validation layout).
    pub(crate) fn validation_layouts(&self) -> Vec<(String, Component)> {
        self.pages
            .iter()
            .map(|p| (p.template.clone(), (p.layout)(&PageArgs { path: p.template.clone(), ..PageArgs::default() })))
            .collect()
    }
}

/// Where the pages are drawn: the window's `Location` and the page content beneath it.
pub fn page_container() -> Component {
    div(vec![location(LOCATION_ID).prop("pathname", "/"), Component::new("Div").id(CONTENT_ID)])
}

fn not_found_layout(path: &str) -> Component {
    crate::dmc::stack(vec![
        crate::dmc::title(2, "Page not found"),
        crate::dmc::text(format!("Nothing is at {path}.")),
        link("Go to the start page").href("/"),
    ])
    .class_name("dd-not-found")
}

fn segments(path: &str) -> impl Iterator<Item = &str> {
    path.split('/').filter(|s| !s.is_empty())
}

fn normalize(path: &str) -> String {
    let joined: Vec<&str> = segments(path).collect();
    // The renderer's own file is the start page.
    if joined == ["index.html"] {
        return "/".into();
    }
    format!("/{}", joined.join("/"))
}

fn variable_name(segment: &str) -> Option<&str> {
    let name = segment.strip_prefix('<')?.strip_suffix('>')?;
    (!name.is_empty() && name.chars().all(|c| c.is_alphanumeric() || c == '_')).then_some(name)
}

fn is_variable(segment: &str) -> bool {
    variable_name(segment).is_some()
}

/// The built-in callback that draws the window's page: the `Location`'s path (and, with
/// accounts, the logged-in user) in, the page container's content out, the window's title
/// following. A protected page is drawn only for a logged-in, unlocked window: a window
/// that is not logged in gets the sign-in form in its place, and a locked one keeps what it
/// shows beneath the lock screen.
pub(crate) fn router(pages: Arc<PageTable>, with_auth: bool, app_name: String) -> Callback {
    let draw = move |pathname: Option<String>,
                     search: Option<String>,
                     ctx: &Ctx,
                     desktop: &Desktop|
          -> Result<Component, CallbackError> {
        let routed = pages.route(pathname.as_deref().unwrap_or("/"), search.as_deref().unwrap_or_default());
        let protected = with_auth && routed.page.is_some_and(|p| !p.public);
        if let (true, Some(login)) = (protected, &ctx.0.login) {
            let state = login.snapshot();
            if state.locked {
                return Err(PreventUpdate.into());
            }
            if state.user.is_none() {
                let first_run = login.runtime.backend().and_then(|b| b.accounts()).map(|a| a.is_empty()).map_err(|f| explain(&f));
                desktop.set_title(&format!("Sign in · {app_name}"));
                return Ok(page_gate(&app_name, first_run));
            }
        }
        let (layout, title) = pages.draw(&routed, &app_name);
        desktop.set_title(&title);
        Ok(layout)
    };
    let location = |prop| Input::new(LOCATION_ID, prop);
    let content = Output::new(CONTENT_ID, "children");
    let callback = if with_auth {
        Callback::new(
            (location("pathname"), location("search"), Input::new(crate::auth::ids::USER, "data")),
            content,
            move |path: Option<String>, search: Option<String>, _user: Option<Value>, ctx: Ctx, desktop: Desktop| {
                draw(path, search, &ctx, &desktop)
            },
        )
    } else {
        Callback::new(
            (location("pathname"), location("search")),
            content,
            move |path: Option<String>, search: Option<String>, ctx: Ctx, desktop: Desktop| draw(path, search, &ctx, &desktop),
        )
    };
    callback.name("deskdash.pages").public().builtin()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(paths: &[&str]) -> PageTable {
        let mut t = PageTable::default();
        for p in paths {
            t.add(Page::new(p, |_| Component::new("Div"))).unwrap();
        }
        t
    }

    #[test]
    fn paths_route_with_variables_and_queries() {
        let t = table(&["/", "/report/<id>", "/report/new", "/a/<x>/b/<y>"]);
        let r = t.route("/report/42", "?tab=2&q=a%20b");
        assert_eq!(r.page.map(|p| p.template.as_str()), Some("/report/<id>"));
        assert_eq!(r.args.var("id"), Some("42"));
        assert_eq!(r.args.query("q"), Some("a b"));
        assert_eq!(t.route("/report/new", "").page.map(|p| p.template.as_str()), Some("/report/new"));
        assert_eq!(t.route("/report/caf%C3%A9/", "").args.var("id"), Some("café"));
        let two = t.route("/a/1/b/2", "");
        assert_eq!((two.args.var("x"), two.args.var("y")), (Some("1"), Some("2")));
        assert_eq!(t.route("/index.html", "").page.map(|p| p.template.as_str()), Some("/"));
        assert!(t.route("/report", "").page.is_none());
        assert!(t.route("/report/1/extra", "").page.is_none());
    }

    #[test]
    fn entries_follow_dash_order_and_default_names() {
        let mut t = PageTable::default();
        t.add(Page::new("/sales-report", |_| Component::new("Div"))).unwrap();
        t.add(Page::new("/", |_| Component::new("Div"))).unwrap();
        t.add(Page::new("/z", |_| Component::new("Div")).order(1).title("Zed")).unwrap();
        let e = t.entries();
        let names: Vec<&str> = e.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(names, ["Z", "Home", "Sales report"]);
        assert_eq!(e[0].title, "Zed");
        assert!(t.add(Page::new("/z", |_| Component::new("Div"))).unwrap_err().contains("two pages"));
        assert!(t.add(Page::new("/x/<bad-name>", |_| Component::new("Div"))).unwrap_err().contains("not a variable"));
    }

    #[test]
    fn titles_take_path_variables_and_unknown_paths_get_not_found() {
        let mut t = PageTable::default();
        t.add(Page::new("/report/<id>", |a| Component::new("Div").prop("title", a.var("id"))).title("Report {id}")).unwrap();
        let (layout, title) = t.draw(&t.route("/report/7", ""), "app");
        assert_eq!(title, "Report 7");
        assert_eq!(layout.into_json()["props"]["title"], "7");
        let (missing, title) = t.draw(&t.route("/nowhere", ""), "app");
        assert_eq!(title, "Page not found · app");
        assert!(missing.into_json().to_string().contains("Nothing is at /nowhere."));
    }
}

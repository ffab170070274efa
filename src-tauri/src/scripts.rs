//! The app's clientside callbacks and its own components, served as scripts from deskdash's
//! own URI scheme (`deskdash://localhost/clientside-<n>.js`, `components-<n>.js`), so the page
//! loads them as it loads any script and its CSP needs no `'unsafe-eval'`. Each function is a
//! script of its own: one that does not parse fails alone, and the renderer says which.

use deskdash_engine::AppSpec;
use tauri::http::{header, Response, StatusCode};

/// The URI scheme; the CSP's `script-src` allows it.
pub const SCHEME: &str = "deskdash";

/// The script defining clientside callback `n` for the renderer, if the app has one.
pub fn clientside_script(spec: &AppSpec, path: &str) -> Option<String> {
    let n: usize = path.trim_start_matches('/').strip_prefix("clientside-")?.strip_suffix(".js")?.parse().ok()?;
    let f = spec.clientside_functions().into_iter().find(|f| f.callback == n)?;
    // The source on lines of its own: a trailing `//` comment cannot swallow the wrapper.
    Some(format!("(window.__deskdashClientside = window.__deskdashClientside || {{}})[{n}] = (\n{}\n);\n", f.source))
}

/// The app's component bundle `n` (`App::component_bundle`), if it has one.
pub fn component_script<'a>(spec: &'a AppSpec, path: &str) -> Option<&'a str> {
    let n: usize = path.trim_start_matches('/').strip_prefix("components-")?.strip_suffix(".js")?.parse().ok()?;
    spec.component_bundles.get(n).map(String::as_str)
}

/// Answers a request on the scheme: a clientside script, a component bundle, or 404.
pub fn respond(spec: &AppSpec, path: &str) -> Response<Vec<u8>> {
    let script = clientside_script(spec, path).or_else(|| component_script(spec, path).map(str::to_string));
    let (status, body) = match script {
        Some(script) => (StatusCode::OK, script.into_bytes()),
        None => (StatusCode::NOT_FOUND, format!("no such script: {path}").into_bytes()),
    };
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/javascript; charset=utf-8")
        .body(body)
        .unwrap_or_else(|_| Response::new(Vec::new()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use deskdash_engine::{div, input, App, Input, Output};

    #[test]
    fn each_clientside_function_is_a_script_of_its_own() -> Result<(), Box<dyn std::error::Error>> {
        let spec = App::new("t")
            .layout(div((input("a"), div(deskdash_engine::id("b")))))
            .clientside_callback(Input::new("a", "value"), Output::new("b", "children"), "function(v) { return v; } // done")
            .build()?;
        let n = spec.clientside_functions()[0].callback;
        let script = clientside_script(&spec, &format!("/clientside-{n}.js")).ok_or("no script")?;
        assert!(script.contains(&format!("[{n}] = (\nfunction(v) {{ return v; }} // done\n);")), "{script}");
        assert_eq!(respond(&spec, &format!("/clientside-{n}.js")).status(), StatusCode::OK);
        for unknown in ["/clientside-99.js", "/clientside-x.js", "/../etc/passwd", "/", "/components-0.js"] {
            assert_eq!(respond(&spec, unknown).status(), StatusCode::NOT_FOUND, "{unknown}");
        }
        Ok(())
    }

    #[test]
    fn an_apps_component_bundles_are_scripts_by_index() -> Result<(), Box<dyn std::error::Error>> {
        let spec = App::new("t").layout(div(())).component_bundle("deskdash.register('A', A);").build()?;
        let response = respond(&spec, "/components-0.js");
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(response.body(), b"deskdash.register('A', A);");
        assert_eq!(respond(&spec, "/components-1.js").status(), StatusCode::NOT_FOUND);
        Ok(())
    }
}

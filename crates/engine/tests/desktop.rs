//! A callback's requests to the desktop (`Desktop`): they leave the session as events for the
//! shell, and a dialog's answer, set into a store as the shell sets it, reaches the callbacks
//! that read it, which stream the picked file's bytes.

use deskdash_engine::desktop::AnswerTo;
use deskdash_engine::testing::TestApp;
use deskdash_engine::*;
use serde_json::json;
use std::io::Read;

fn app() -> App {
    App::new("files")
        .layout(div((
            button("open").id("open"),
            button("pick").id("pick"),
            button("save").id("save"),
            store("picked"),
            store("saved"),
            div(()).id("read"),
        )))
        .callback(Input::new("open", "n_clicks"), (), |_n: u64, desktop: Desktop| desktop.open_window())
        .prevent_initial_call()
        .callback(Input::new("pick", "n_clicks"), (), |_n: u64, desktop: Desktop| {
            desktop.pick_file("Pick", &[".csv"], "picked", "data")
        })
        .prevent_initial_call()
        .callback(Input::new("save", "n_clicks"), (), |_n: u64, desktop: Desktop| {
            desktop.save_file("out.bin", vec![1u8, 2, 3], "saved", "data")
        })
        .prevent_initial_call()
        .callback(
            Input::new("picked", "data"),
            Output::new("read", "children"),
            |file: Option<PickedFile>| -> Result<String, CallbackError> {
                let Some(file) = file else { return Ok("cancelled".into()) };
                let mut bytes = 0usize;
                let mut buf = [0u8; 8192];
                let mut reader = file.open().map_err(CallbackError::msg)?;
                loop {
                    let n = reader.read(&mut buf).map_err(CallbackError::msg)?;
                    if n == 0 {
                        break;
                    }
                    bytes += n;
                }
                Ok(format!("{}: {bytes} of {} bytes", file.name, file.size))
            },
        )
        .prevent_initial_call()
}

#[tokio::test]
async fn requests_leave_the_session_for_the_shell() -> Result<()> {
    let mut t = TestApp::start(app()).await?;
    assert!(t.take_desktop_requests().is_empty(), "nothing is asked on load");
    t.set("open", "n_clicks", 1).await?;
    assert_eq!(t.take_desktop_requests(), vec![DesktopRequest::OpenWindow]);

    t.set("pick", "n_clicks", 1).await?;
    let answer = AnswerTo { id: ComponentId::Str("picked".into()), prop: "data".into() };
    assert_eq!(
        t.take_desktop_requests(),
        vec![DesktopRequest::PickFile { title: "Pick".into(), extensions: vec!["csv".into()], answer }],
        "extensions lose their dots"
    );

    t.set("save", "n_clicks", 1).await?;
    match t.take_desktop_requests().as_slice() {
        [DesktopRequest::SaveFile { suggested_name, contents, answer }] => {
            assert_eq!(suggested_name, "out.bin");
            assert_eq!(&contents[..], &[1, 2, 3], "the bytes stay in Rust, for the shell to write");
            assert_eq!(answer.id, ComponentId::Str("saved".into()));
        }
        other => panic!("one save request, got {other:?}"),
    }
    assert!(t.take_errors().is_empty());
    Ok(())
}

#[tokio::test]
async fn a_picked_file_is_streamed_by_the_callback_that_reads_it() -> Result<()> {
    let dir = std::env::temp_dir().join(format!("deskdash-desktop-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| EngineError::MalformedChange { reason: e.to_string() })?;
    let path = dir.join("data.csv");
    std::fs::write(&path, vec![b'x'; 100_000]).map_err(|e| EngineError::MalformedChange { reason: e.to_string() })?;
    let mut t = TestApp::start(app()).await?;
    let picked = PickedFile::at(path.clone()).map_err(|e| EngineError::MalformedChange { reason: e.to_string() })?;
    t.set("picked", "data", &picked).await?;
    assert_eq!(t.get("read", "children").await, json!("data.csv: 100000 of 100000 bytes"));
    t.set("picked", "data", serde_json::Value::Null).await?;
    assert_eq!(t.get("read", "children").await, json!("cancelled"), "a cancelled dialog answers null");
    let _ = std::fs::remove_dir_all(&dir);
    Ok(())
}

#[tokio::test]
async fn the_window_cannot_answer_a_dialog_itself() -> Result<()> {
    let t = TestApp::start(app()).await?;
    let forged =
        t.session.apply(vec![Change::new("picked", "data", json!({"path": "/etc/shadow", "name": "shadow", "size": 1}))]).await;
    assert!(forged.is_err(), "a store's data is not the window's to set: {forged:?}");
    assert_eq!(t.get("read", "children").await, json!([]), "no callback read the forged file");
    Ok(())
}

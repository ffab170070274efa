//! An app's own component kinds (`App::component`): validated like built-in ones at
//! registration, on callback outputs and on what a window sends.

use deskdash_engine::{div, App, Change, Component, CustomKind, EngineError, Input, Output, PropType, Session};
use serde_json::json;

fn swatches() -> CustomKind {
    CustomKind::new("Swatches").prop("colors", PropType::Array).editable("picked", PropType::Str)
}

fn picked(color: String) -> String {
    format!("picked {color}")
}

fn app() -> App {
    App::new("own")
        .component(swatches())
        .layout(div((
            Component::new("Swatches").id("s").prop("colors", ["red", "teal"]).prop("picked", "red"),
            div(()).id("out"),
        )))
        .callback(Input::new("s", "picked"), Output::new("out", "children"), picked)
}

#[tokio::test]
async fn a_window_changes_what_the_component_declares_editable_and_its_callback_fires() -> deskdash_engine::Result<()> {
    let (session, _events, _) = Session::start(app().build()?).await?;
    session.apply(vec![Change::new("s", "picked", "teal")]).await?;
    assert_eq!(
        session
            .get(
                deskdash_engine::ComponentId::from_json(&json!("out"))
                    .map_err(|reason| EngineError::MalformedChange { reason })?,
                "children"
            )
            .await?,
        json!("picked teal")
    );
    let refused = session.apply(vec![Change::new("s", "colors", json!(["blue"]))]).await;
    assert!(matches!(refused, Err(EngineError::NotUserEditable { .. })), "colors is the app's to set: {refused:?}");
    let wrong = session.apply(vec![Change::new("s", "picked", 3)]).await;
    assert!(matches!(wrong, Err(EngineError::WrongType { .. })), "picked is a string: {wrong:?}");
    Ok(())
}

#[test]
fn registration_checks_an_own_kinds_props_and_refuses_undeclared_ones() {
    let wrong_type =
        App::new("own").component(swatches()).layout(Component::new("Swatches").id("s").prop("colors", "red")).build();
    assert!(matches!(wrong_type, Err(EngineError::WrongType { .. })), "{:?}", wrong_type.err());
    let unknown_prop = App::new("own").component(swatches()).layout(Component::new("Swatches").id("s").prop("size", 3)).build();
    assert!(matches!(unknown_prop, Err(EngineError::UnknownProp { .. })), "{:?}", unknown_prop.err());
    let undeclared = App::new("own").layout(Component::new("Swatches").id("s")).build();
    assert!(matches!(undeclared, Err(EngineError::UnknownComponentType { .. })), "{:?}", undeclared.err());
    let shadowing = App::new("own").component(CustomKind::new("Badge")).layout(div(())).build();
    assert!(matches!(shadowing, Err(EngineError::InvalidComponent { .. })), "{:?}", shadowing.err());
}

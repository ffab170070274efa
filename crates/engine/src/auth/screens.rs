//! What the login machinery draws, in the app's theme: the sign-in form, the first-run form
//! that creates the first account, the lock screen over a locked window, the notice that
//! the keychain is unavailable, and the secrets settings page.

use super::SecretSpec;
use crate::component::{store, Component};
use crate::dmc;
use serde_json::json;

/// The ids of the login machinery's components.
pub mod ids {
    /// The `type` of the pattern-matching id of what wraps a `logout_button`: hidden while
    /// nobody is logged in. A pattern, so an app without one has none for it to miss.
    pub const LOGOUT_AREA: &str = "_auth_logout_area";

    pub fn logout_area(n: u64) -> serde_json::Value {
        serde_json::json!({"type": LOGOUT_AREA, "n": n})
    }

    /// A store holding the logged-in user's name (null when logged out); the page router
    /// reads it, so logging in or out redraws the page.
    pub const USER: &str = "_auth_user";
    pub const LOGIN_USER: &str = "_auth_login_user";
    pub const LOGIN_PASSWORD: &str = "_auth_login_password";
    pub const LOGIN_SUBMIT: &str = "_auth_login_submit";
    pub const LOGIN_MESSAGE: &str = "_auth_login_message";
    pub const CREATE_USER: &str = "_auth_create_user";
    pub const CREATE_PASSWORD: &str = "_auth_create_password";
    pub const CREATE_CONFIRM: &str = "_auth_create_confirm";
    pub const CREATE_SUBMIT: &str = "_auth_create_submit";
    pub const CREATE_MESSAGE: &str = "_auth_create_message";
    pub const LOGOUT: &str = "_auth_logout";
    pub const LOCK: &str = "_auth_lock";
    pub const LOCK_USER: &str = "_auth_lock_user";
    pub const UNLOCK_PASSWORD: &str = "_auth_unlock_password";
    pub const UNLOCK_SUBMIT: &str = "_auth_unlock_submit";
    pub const UNLOCK_MESSAGE: &str = "_auth_unlock_message";
    pub const UNLOCK_LOGOUT: &str = "_auth_unlock_logout";
    /// The `type` of the secrets page's pattern-matching ids (`{"type": ..., "name": secret}`).
    pub const SECRET_VALUE: &str = "_secret_value";
    pub const SECRET_SET: &str = "_secret_set";
    pub const SECRET_CLEAR: &str = "_secret_clear";
    pub const SECRET_STATUS: &str = "_secret_status";
    /// The settings page's accounts: the list, and the forms to change one's password, add an
    /// account and delete another.
    pub const ACCOUNTS_LIST: &str = "_accounts_list";
    pub const PASSWORD_CURRENT: &str = "_account_password_current";
    pub const PASSWORD_NEW: &str = "_account_password_new";
    pub const PASSWORD_CONFIRM: &str = "_account_password_confirm";
    pub const PASSWORD_SUBMIT: &str = "_account_password_submit";
    pub const PASSWORD_MESSAGE: &str = "_account_password_message";
    pub const ADD_USER: &str = "_account_add_user";
    pub const ADD_PASSWORD: &str = "_account_add_password";
    pub const ADD_CONFIRM: &str = "_account_add_confirm";
    pub const ADD_SUBMIT: &str = "_account_add_submit";
    pub const ADD_MESSAGE: &str = "_account_add_message";
    pub const DELETE_USER: &str = "_account_delete_user";
    pub const DELETE_SUBMIT: &str = "_account_delete_submit";
    pub const DELETE_MESSAGE: &str = "_account_delete_message";
}

pub(crate) fn user_store() -> Component {
    store(ids::USER)
}

fn card(title: &str, body: Vec<Component>) -> Component {
    let mut children = vec![dmc::title(3, title)];
    children.extend(body);
    dmc::center(dmc::paper(dmc::stack(children).gap("md")).with_border().radius("md").p("lg").w(380))
        .class_name("dd-auth")
        .mih(320)
}

pub(super) fn message(id: &str) -> Component {
    dmc::text("").id(id).fz("sm")
}

/// One form of a settings page: a bordered paper with its heading.
pub(super) fn card_section(title: &str, body: Vec<Component>) -> Component {
    let mut children = vec![dmc::title(4, title)];
    children.extend(body);
    dmc::paper(dmc::stack(children).gap("sm")).with_border().radius("md").p("md").maw(480)
}

/// What a protected page shows a window that is not logged in: the sign-in form, the
/// first-run form when there is no account yet, or what keeps the keychain from answering.
pub(crate) fn page_gate(app_name: &str, first_run: Result<bool, String>) -> Component {
    match first_run {
        Err(explained) => card(
            "Accounts are unavailable",
            vec![dmc::alert(dmc::text(explained)).color("orange").class_name("dd-auth-unavailable")],
        ),
        Ok(true) => card(
            "Create the first account",
            vec![
                dmc::text(format!(
                    "This account opens {app_name} on this computer. Its password is kept only as a hash, in the system keychain."
                ))
                .fz("sm"),
                dmc::text_input(ids::CREATE_USER).label("User name"),
                dmc::password_input(ids::CREATE_PASSWORD).label("Password").prop("description", "At least 8 characters"),
                dmc::password_input(ids::CREATE_CONFIRM).label("Password again"),
                message(ids::CREATE_MESSAGE),
                dmc::button("Create account").id(ids::CREATE_SUBMIT).full_width(true),
            ],
        ),
        Ok(false) => card(
            &format!("Sign in to {app_name}"),
            vec![
                dmc::text_input(ids::LOGIN_USER).label("User name"),
                dmc::password_input(ids::LOGIN_PASSWORD).label("Password"),
                message(ids::LOGIN_MESSAGE),
                dmc::button("Sign in").id(ids::LOGIN_SUBMIT).full_width(true),
            ],
        ),
    }
}

/// The lock screen: a full-window modal over the page (which stays as it was beneath),
/// opened by the session when the window has been idle too long.
pub(crate) fn lock_overlay() -> Component {
    dmc::modal(ids::LOCK)
        .opened(false)
        .prop("fullScreen", true)
        .with_close_button(false)
        .prop("closeOnEscape", false)
        .prop("closeOnClickOutside", false)
        .prop("zIndex", 1000)
        .children(card(
            "Locked",
            vec![
                dmc::text("").id(ids::LOCK_USER).fz("sm"),
                dmc::password_input(ids::UNLOCK_PASSWORD).label("Password"),
                message(ids::UNLOCK_MESSAGE),
                dmc::group(vec![
                    dmc::button("Unlock").id(ids::UNLOCK_SUBMIT),
                    dmc::button("Log out").id(ids::UNLOCK_LOGOUT).variant("subtle"),
                ]),
            ],
        ))
}

pub(crate) fn secret_id(kind: &str, name: &str) -> serde_json::Value {
    json!({"type": kind, "name": name})
}

/// The settings page: the app's accounts, then its secrets.
pub(crate) fn settings_page(secrets: &[SecretSpec]) -> Component {
    dmc::stack(vec![super::accounts::accounts_section(), dmc::divider(), secrets_section(secrets)]).gap("xl")
}

/// Each declared secret with whether it is set (its value is never shown back), a field to
/// set or replace it, and a button to clear it.
fn secrets_section(secrets: &[SecretSpec]) -> Component {
    let rows: Vec<Component> = secrets
        .iter()
        .map(|s| {
            dmc::paper(dmc::stack(vec![
                dmc::group(vec![
                    dmc::text(s.label.as_str()).prop("fw", 600),
                    dmc::text("").id(secret_id(ids::SECRET_STATUS, &s.name)).fz("sm").c("dimmed"),
                ])
                .prop("justify", "space-between"),
                dmc::group(vec![
                    dmc::password_input(secret_id(ids::SECRET_VALUE, &s.name)).placeholder("New value").prop("flex", 1),
                    dmc::button("Save").id(secret_id(ids::SECRET_SET, &s.name)),
                    dmc::button("Clear").id(secret_id(ids::SECRET_CLEAR, &s.name)).variant("default"),
                ]),
            ]))
            .with_border()
            .p("md")
            .radius("md")
        })
        .collect();
    let mut children = vec![
        dmc::title(2, "Secrets"),
        dmc::text("Kept in the system keychain. A saved value is never shown again: replace or clear it here.").c("dimmed"),
    ];
    if rows.is_empty() {
        children.push(dmc::text("This app declares no secrets."));
    }
    children.extend(rows);
    dmc::stack(children).gap("md").class_name("dd-secrets")
}

//! The settings page's account management, for a logged-in user: the app's accounts, adding
//! one, changing one's own password (the current one verified first, with the app's
//! back-off) and deleting another account. Its callbacks are protected: a window that is not
//! logged in never reaches them. Every password field is emptied in the answer that reads it.

use super::callbacks::Gate;
use super::screens::{card_section, ids, message};
use super::{check_password, check_user_name, explain, fault_message};
use crate::callback::Callback;
use crate::component::Component;
use crate::deps::{Input, Output, State};
use crate::dmc;
use crate::handler::Update;
use serde_json::{json, Value};

/// The accounts section of the settings page.
pub(crate) fn accounts_section() -> Component {
    dmc::stack(vec![
        dmc::title(2, "Accounts"),
        dmc::text("Everyone who may open this app on this computer. Passwords are kept only as hashes, in the system keychain.")
            .c("dimmed"),
        dmc::stack(Vec::<Component>::new()).id(ids::ACCOUNTS_LIST).gap(4),
        card_section(
            "Change your password",
            vec![
                dmc::password_input(ids::PASSWORD_CURRENT).label("Current password"),
                dmc::password_input(ids::PASSWORD_NEW).label("New password").prop("description", "At least 8 characters"),
                dmc::password_input(ids::PASSWORD_CONFIRM).label("New password again"),
                message(ids::PASSWORD_MESSAGE),
                dmc::button("Change password").id(ids::PASSWORD_SUBMIT),
            ],
        ),
        card_section(
            "Add an account",
            vec![
                dmc::text_input(ids::ADD_USER).label("User name"),
                dmc::password_input(ids::ADD_PASSWORD).label("Password").prop("description", "At least 8 characters"),
                dmc::password_input(ids::ADD_CONFIRM).label("Password again"),
                message(ids::ADD_MESSAGE),
                dmc::button("Add account").id(ids::ADD_SUBMIT),
            ],
        ),
        card_section(
            "Delete an account",
            vec![
                dmc::select(ids::DELETE_USER).label("Account").placeholder("Choose an account").prop("data", json!([])),
                message(ids::DELETE_MESSAGE),
                dmc::button("Delete account").id(ids::DELETE_SUBMIT).color("red").variant("light"),
            ],
        ),
    ])
    .gap("md")
    .class_name("dd-accounts")
}

/// The accounts as the page lists them, the signed-in one marked, and the ones that may be
/// deleted (every other account) as the delete field's choices.
fn listing(gate: &Gate) -> Result<(Vec<Value>, Value), String> {
    let me = gate.0.snapshot().user.unwrap_or_default();
    let accounts = gate.0.runtime.backend().and_then(|b| b.accounts()).map_err(|fault| explain(&fault))?;
    let rows = accounts
        .iter()
        .map(|name| {
            let mut row = vec![dmc::text(name.as_str()).prop("fw", 500)];
            if *name == me {
                row.push(dmc::badge("you").variant("light"));
            }
            dmc::group(row).gap("xs").class_name("dd-account").into_json()
        })
        .collect();
    let others: Vec<Value> = accounts.iter().filter(|n| **n != me).map(|n| json!(n)).collect();
    Ok((rows, Value::Array(others)))
}

/// The list, the delete field's choices, and the message; a failure to list shows where the
/// message goes.
type Listed = (Update<Vec<Value>>, Update<Value>, String);

fn listed(gate: &Gate, done: String) -> Listed {
    match listing(gate) {
        Ok((rows, others)) => (Update::Set(rows), Update::Set(others), done),
        Err(explained) => (Update::NoUpdate, Update::NoUpdate, explained),
    }
}

/// The list, the delete field's choices, the message, the user name field and the two
/// emptied password fields.
type AddAnswer = (Update<Vec<Value>>, Update<Value>, String, Update<String>, String, String);

/// Adds an account; on the page's first draw (no click yet) it only fills the list.
fn add_account(
    clicks: Option<u64>,
    user: Option<String>,
    password: Option<String>,
    confirm: Option<String>,
    gate: Gate,
) -> AddAnswer {
    let (password, confirm) = (password.unwrap_or_default(), confirm.unwrap_or_default());
    let refuse = |m: String| (Update::NoUpdate, Update::NoUpdate, m, Update::NoUpdate, String::new(), String::new());
    if clicks.is_none() {
        let (list, others, message) = listed(&gate, String::new());
        return (list, others, message, Update::NoUpdate, String::new(), String::new());
    }
    let user = match check_user_name(user.as_deref().unwrap_or_default()) {
        Ok(u) => u.to_string(),
        Err(m) => return refuse(m),
    };
    if let Err(m) = check_password(&password, true) {
        return refuse(m);
    }
    if password != confirm {
        return refuse("The two passwords differ.".into());
    }
    let created = gate.0.runtime.backend().and_then(|b| b.create_account(&user, &password));
    match created {
        Ok(()) => {
            tracing::info!("an account was added");
            let (list, others, message) = listed(&gate, format!("Added {user}."));
            (list, others, message, Update::Set(String::new()), String::new(), String::new())
        }
        Err(fault) => refuse(fault_message(fault)),
    }
}

/// Changes the signed-in user's password, once the current one is verified.
fn change_password(
    _: Option<u64>,
    current: Option<String>,
    new: Option<String>,
    confirm: Option<String>,
    gate: Gate,
) -> (String, String, String, String) {
    let (current, new, confirm) = (current.unwrap_or_default(), new.unwrap_or_default(), confirm.unwrap_or_default());
    let answer = |m: String| (m, String::new(), String::new(), String::new());
    let Some(user) = gate.0.snapshot().user else {
        return answer("Sign in first.".into());
    };
    if let Err(m) = check_password(&current, false) {
        return answer(m);
    }
    if let Err(m) = check_password(&new, true) {
        return answer(m);
    }
    if new != confirm {
        return answer("The two new passwords differ.".into());
    }
    match gate.attempt(&user, &current) {
        Ok(None) => {}
        Ok(Some(refused)) => return answer(refused.replace("user name or password", "current password")),
        Err(e) => return answer(e.to_string()),
    }
    match gate.0.runtime.backend().and_then(|b| b.set_password(&user, &new)) {
        Ok(()) => {
            tracing::info!("a password was changed");
            answer("Your password is changed.".into())
        }
        Err(fault) => answer(fault_message(fault)),
    }
}

/// Deletes an account other than the signed-in one.
fn delete_account(_: Option<u64>, user: Option<String>, gate: Gate) -> (Update<Vec<Value>>, Update<Value>, String, Value) {
    let Some(user) = user.filter(|u| !u.is_empty()) else {
        return (Update::NoUpdate, Update::NoUpdate, "Choose an account first.".into(), Value::Null);
    };
    if gate.0.snapshot().user.as_deref() == Some(user.as_str()) {
        return (
            Update::NoUpdate,
            Update::NoUpdate,
            "This is the account you are signed in with: sign in as another one to delete it.".into(),
            Value::Null,
        );
    }
    match gate.0.runtime.backend().and_then(|b| b.delete_account(&user)) {
        Ok(()) => {
            tracing::info!("an account was deleted");
            let (list, others, message) = listed(&gate, format!("Deleted {user}."));
            (list, others, message, Value::Null)
        }
        Err(fault) => (Update::NoUpdate, Update::NoUpdate, fault_message(fault), Value::Null),
    }
}

/// The account management callbacks. Protected: they run only for a logged-in, unlocked
/// window.
pub(crate) fn account_callbacks() -> Vec<Callback> {
    let list = || Output::new(ids::ACCOUNTS_LIST, "children");
    let choices = || Output::new(ids::DELETE_USER, "data");
    vec![
        Callback::new(
            (
                Input::new(ids::ADD_SUBMIT, "n_clicks"),
                State::new(ids::ADD_USER, "value"),
                State::new(ids::ADD_PASSWORD, "value"),
                State::new(ids::ADD_CONFIRM, "value"),
            ),
            (
                list(),
                choices(),
                Output::new(ids::ADD_MESSAGE, "children"),
                Output::new(ids::ADD_USER, "value"),
                Output::new(ids::ADD_PASSWORD, "value"),
                Output::new(ids::ADD_CONFIRM, "value"),
            ),
            add_account,
        )
        .name("deskdash.add_account")
        .background()
        .builtin(),
        Callback::new(
            (
                Input::new(ids::PASSWORD_SUBMIT, "n_clicks"),
                State::new(ids::PASSWORD_CURRENT, "value"),
                State::new(ids::PASSWORD_NEW, "value"),
                State::new(ids::PASSWORD_CONFIRM, "value"),
            ),
            (
                Output::new(ids::PASSWORD_MESSAGE, "children"),
                Output::new(ids::PASSWORD_CURRENT, "value"),
                Output::new(ids::PASSWORD_NEW, "value"),
                Output::new(ids::PASSWORD_CONFIRM, "value"),
            ),
            change_password,
        )
        .name("deskdash.change_password")
        .background()
        .prevent_initial_call(true)
        .builtin(),
        Callback::new(
            (Input::new(ids::DELETE_SUBMIT, "n_clicks"), State::new(ids::DELETE_USER, "value")),
            (
                list().allow_duplicate(),
                choices().allow_duplicate(),
                Output::new(ids::DELETE_MESSAGE, "children"),
                Output::new(ids::DELETE_USER, "value"),
            ),
            delete_account,
        )
        .name("deskdash.delete_account")
        .prevent_initial_call(true)
        .builtin(),
    ]
}

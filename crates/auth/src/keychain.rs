//! The app's entries in the OS keychain, all under the service named by the app's
//! identifier: `account:<name>` holds that account's Argon2id hash, `secret:<name>` a
//! declared secret. Opening it checks the keychain answers, so a missing or locked one is
//! reported when the app starts, not at the first login.

use crate::hashing::{hash_password, PasswordHasher};
use crate::AuthError;
use deskdash_engine::{AuthBackend, AuthFault};
use keyring_core::{CredentialStore, Entry};
use std::collections::HashMap;
use std::sync::Arc;

const ACCOUNT: &str = "account:";
const SECRET: &str = "secret:";

/// An app's accounts and secrets in the system keychain.
pub struct Keychain {
    store: Arc<CredentialStore>,
    service: String,
    hasher: PasswordHasher,
}

#[cfg(all(unix, not(any(target_os = "macos", target_os = "ios", target_os = "android"))))]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(zbus_secret_service_keyring_store::Store::new()?)
}

#[cfg(target_os = "macos")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(apple_native_keyring_store::keychain::Store::new()?)
}

#[cfg(target_os = "windows")]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Ok(windows_native_keyring_store::Store::new()?)
}

#[cfg(not(any(unix, target_os = "windows")))]
fn platform_store() -> keyring_core::Result<Arc<CredentialStore>> {
    Err(keyring_core::Error::NotSupportedByStore("this platform has no supported keychain".into()))
}

impl Keychain {
    /// Opens the system keychain for the app `identifier` (its Tauri identifier), and checks
    /// that it answers.
    pub fn open(identifier: &str) -> Result<Keychain, AuthError> {
        let store = platform_store().map_err(|e| AuthError::from_keyring("the keychain", e))?;
        Keychain::in_store(store, identifier)
    }

    /// The app's entries in a given credential store.
    pub fn in_store(store: Arc<CredentialStore>, identifier: &str) -> Result<Keychain, AuthError> {
        if identifier.trim().is_empty() {
            return Err(AuthError::Refused { entry: "the keychain".into(), reason: "the app identifier is empty".into() });
        }
        let keychain = Keychain { store, service: identifier.to_string(), hasher: PasswordHasher::default() };
        keychain.names(ACCOUNT)?;
        Ok(keychain)
    }

    fn entry(&self, user: &str) -> Result<Entry, AuthError> {
        Entry::new_in_store(&self.store, &self.service, user).map_err(|e| AuthError::from_keyring(user, e))
    }

    fn read(&self, user: &str) -> Result<Option<String>, AuthError> {
        match self.entry(user)?.get_password() {
            Ok(value) => Ok(Some(value)),
            Err(keyring_core::Error::NoEntry) => Ok(None),
            Err(e) => Err(AuthError::from_keyring(user, e)),
        }
    }

    fn write(&self, user: &str, value: &str) -> Result<(), AuthError> {
        self.entry(user)?.set_password(value).map_err(|e| AuthError::from_keyring(user, e))
    }

    /// Removes an entry; false if there was none.
    fn remove(&self, user: &str) -> Result<bool, AuthError> {
        match self.entry(user)?.delete_credential() {
            Ok(()) => Ok(true),
            Err(keyring_core::Error::NoEntry) => Ok(false),
            Err(e) => Err(AuthError::from_keyring(user, e)),
        }
    }

    /// The names of the app's entries starting with `prefix`, sorted.
    fn names(&self, prefix: &str) -> Result<Vec<String>, AuthError> {
        let spec = HashMap::from([("service", self.service.as_str())]);
        let found = Entry::search_in_store(&self.store, &spec).map_err(|e| AuthError::from_keyring("the app's entries", e))?;
        let mut names: Vec<String> = found
            .iter()
            .filter_map(|entry| entry.get_attributes().ok())
            .filter_map(|attributes| attributes.get("username").and_then(|u| u.strip_prefix(prefix)).map(str::to_string))
            .collect();
        names.sort();
        names.dedup();
        Ok(names)
    }

    pub fn account_names(&self) -> Result<Vec<String>, AuthError> {
        self.names(ACCOUNT)
    }

    pub fn create(&self, user: &str, password: &str) -> Result<(), AuthError> {
        let key = format!("{ACCOUNT}{user}");
        if self.read(&key)?.is_some() {
            return Err(AuthError::AccountExists(user.into()));
        }
        self.write(&key, &hash_password(password)?)?;
        tracing::info!("an account was created in the keychain");
        Ok(())
    }

    pub fn check(&self, user: &str, password: &str) -> Result<bool, AuthError> {
        let stored = self.read(&format!("{ACCOUNT}{user}"))?;
        self.hasher.verify(password, stored.as_deref())
    }

    pub fn change_password(&self, user: &str, password: &str) -> Result<(), AuthError> {
        let key = format!("{ACCOUNT}{user}");
        if self.read(&key)?.is_none() {
            return Err(AuthError::NoSuchAccount(user.into()));
        }
        self.write(&key, &hash_password(password)?)
    }

    pub fn delete(&self, user: &str) -> Result<(), AuthError> {
        if !self.remove(&format!("{ACCOUNT}{user}"))? {
            return Err(AuthError::NoSuchAccount(user.into()));
        }
        Ok(())
    }

    pub fn get_secret(&self, name: &str) -> Result<Option<String>, AuthError> {
        self.read(&format!("{SECRET}{name}"))
    }

    pub fn put_secret(&self, name: &str, value: &str) -> Result<(), AuthError> {
        self.write(&format!("{SECRET}{name}"), value)
    }

    pub fn remove_secret(&self, name: &str) -> Result<(), AuthError> {
        self.remove(&format!("{SECRET}{name}")).map(|_| ())
    }
}

impl AuthBackend for Keychain {
    fn accounts(&self) -> Result<Vec<String>, AuthFault> {
        Ok(self.account_names()?)
    }
    fn create_account(&self, user: &str, password: &str) -> Result<(), AuthFault> {
        Ok(self.create(user, password)?)
    }
    fn verify(&self, user: &str, password: &str) -> Result<bool, AuthFault> {
        Ok(self.check(user, password)?)
    }
    fn set_password(&self, user: &str, password: &str) -> Result<(), AuthFault> {
        Ok(self.change_password(user, password)?)
    }
    fn delete_account(&self, user: &str) -> Result<(), AuthFault> {
        Ok(self.delete(user)?)
    }
    fn secret(&self, name: &str) -> Result<Option<String>, AuthFault> {
        Ok(self.get_secret(name)?)
    }
    fn set_secret(&self, name: &str, value: &str) -> Result<(), AuthFault> {
        Ok(self.put_secret(name, value)?)
    }
    fn clear_secret(&self, name: &str) -> Result<(), AuthFault> {
        Ok(self.remove_secret(name)?)
    }
}

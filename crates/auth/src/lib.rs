//! deskdash-auth: an app's accounts and secrets in the OS keychain (the Secret Service on
//! Linux, Keychain Services on macOS, the Credential Manager on Windows), through the keyring
//! ecosystem. An account is an Argon2id hash (a PHC string, OWASP's parameters) under the
//! app's identifier; a secret is kept as given. [`Keychain`] implements the engine's
//! `AuthBackend`: the engine asks, and no password, hash or secret leaves this crate except
//! a secret's value to the callback that asked for it.

mod error;
mod hashing;
mod keychain;

pub use error::AuthError;
pub use hashing::{hash_password, verify_password, PasswordHasher};
pub use keychain::Keychain;

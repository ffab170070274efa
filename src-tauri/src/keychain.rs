//! Connects an app with accounts to the system keychain, under the app's identifier. A
//! keychain that cannot be opened is logged, and its reason goes to the login screen, which
//! says how to fix it; the app's public pages keep working.

use deskdash_engine::AuthBackend;
use std::sync::Arc;

pub fn open(identifier: &str) -> Result<Arc<dyn AuthBackend>, String> {
    match deskdash_auth::Keychain::open(identifier) {
        Ok(keychain) => {
            tracing::info!("accounts and secrets: the system keychain");
            Ok(Arc::new(keychain))
        }
        Err(e) => {
            tracing::error!("accounts and secrets are unavailable: {e}");
            Err(e.to_string())
        }
    }
}

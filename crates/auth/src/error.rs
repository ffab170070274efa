//! The crate's one error. Built from a keychain error by its kind only: some of keyring's
//! errors carry the stored bytes (`BadEncoding`), and those never reach a message.

use deskdash_engine::AuthFault;

#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum AuthError {
    #[error("no system keychain: {0}")]
    Unavailable(String),
    #[error("the system keychain is locked: {0}")]
    Locked(String),
    #[error("an account named {0:?} exists already")]
    AccountExists(String),
    #[error("no account is named {0:?}")]
    NoSuchAccount(String),
    #[error("the keychain entry {entry} is damaged: {reason}")]
    Damaged { entry: String, reason: String },
    #[error("the keychain refused {entry}: {reason}")]
    Refused { entry: String, reason: String },
    #[error("hashing failed: {0}")]
    Hashing(String),
}

impl AuthError {
    /// A keychain error about `entry`, described without any stored bytes.
    pub(crate) fn from_keyring(entry: &str, e: keyring_core::Error) -> AuthError {
        use keyring_core::Error as K;
        let entry = entry.to_string();
        match e {
            K::NoStorageAccess(inner) => AuthError::Locked(inner.to_string()),
            K::PlatformFailure(inner) => AuthError::Unavailable(inner.to_string()),
            K::NoDefaultStore => AuthError::Unavailable("no credential store is set up".into()),
            K::BadEncoding(_) | K::BadDataFormat(..) => AuthError::Damaged { entry, reason: "it is not UTF-8 text".into() },
            K::BadStoreFormat(reason) => AuthError::Damaged { entry, reason },
            K::Ambiguous(found) => AuthError::Damaged { entry, reason: format!("{} items match it", found.len()) },
            K::TooLong(field, limit) => AuthError::Refused { entry, reason: format!("{field} is longer than {limit}") },
            K::Invalid(field, reason) => AuthError::Refused { entry, reason: format!("{field}: {reason}") },
            K::NotSupportedByStore(what) => AuthError::Refused { entry, reason: format!("not supported: {what}") },
            K::NoEntry => AuthError::Refused { entry, reason: "no such entry".into() },
            other => AuthError::Refused { entry, reason: format!("{:?}", std::mem::discriminant(&other)) },
        }
    }
}

impl From<AuthError> for AuthFault {
    fn from(e: AuthError) -> AuthFault {
        match e {
            AuthError::Unavailable(r) => AuthFault::Unavailable(r),
            AuthError::Locked(r) => AuthFault::Locked(r),
            AuthError::AccountExists(u) => AuthFault::AccountExists(u),
            AuthError::NoSuchAccount(u) => AuthFault::NoSuchAccount(u),
            other => AuthFault::Failed(other.to_string()),
        }
    }
}

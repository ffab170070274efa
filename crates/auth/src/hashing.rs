//! Password hashes: Argon2id with OWASP's recommended parameters (19 MiB of memory, two
//! passes, one lane), a random salt per hash, kept as a PHC string that records them, so a
//! hash made with other parameters still verifies.

use crate::AuthError;
use argon2::password_hash::{PasswordHasher as _, PasswordVerifier as _};
use argon2::{Algorithm, Argon2, Params, Version};
use std::sync::OnceLock;

/// OWASP's Password Storage Cheat Sheet, Argon2id: m=19456 KiB, t=2, p=1.
const MEMORY_KIB: u32 = 19_456;
const PASSES: u32 = 2;
const LANES: u32 = 1;

fn argon2() -> Result<Argon2<'static>, AuthError> {
    let params = Params::new(MEMORY_KIB, PASSES, LANES, None).map_err(|e| AuthError::Hashing(e.to_string()))?;
    Ok(Argon2::new(Algorithm::Argon2id, Version::V0x13, params))
}

/// Hashes a password into a PHC string (`$argon2id$v=19$m=19456,t=2,p=1$...`).
pub fn hash_password(password: &str) -> Result<String, AuthError> {
    let hash = argon2()?.hash_password(password.as_bytes()).map_err(|e| AuthError::Hashing(e.to_string()))?;
    Ok(hash.to_string())
}

/// Whether `password` matches the PHC string `hash` (compared in constant time). A hash
/// that does not parse is an error naming no part of it.
pub fn verify_password(password: &str, hash: &str) -> Result<bool, AuthError> {
    match argon2()?.verify_password(password.as_bytes(), hash) {
        Ok(()) => Ok(true),
        Err(argon2::password_hash::Error::PasswordInvalid) => Ok(false),
        Err(e) => Err(AuthError::Hashing(format!("the stored hash could not be read ({e:?})"))),
    }
}

/// Verifies passwords, spending the same work on an unknown user (against a hash made once)
/// so that the time a login takes does not tell which accounts exist.
#[derive(Default)]
pub struct PasswordHasher {
    stand_in: OnceLock<String>,
}

impl PasswordHasher {
    pub fn verify(&self, password: &str, stored: Option<&str>) -> Result<bool, AuthError> {
        match stored {
            Some(hash) => verify_password(password, hash),
            None => {
                let stand_in = match self.stand_in.get() {
                    Some(h) => h,
                    None => {
                        let made = hash_password("deskdash: no such account")?;
                        self.stand_in.get_or_init(|| made)
                    }
                };
                verify_password(password, stand_in).map(|_| false)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_argon2id_phc_strings_with_owasp_parameters_and_fresh_salts() {
        let a = hash_password("correct horse").unwrap();
        let b = hash_password("correct horse").unwrap();
        assert!(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"), "{a}");
        assert_ne!(a, b, "each hash has its own salt");
        assert!(!a.contains("correct horse"));
        assert!(verify_password("correct horse", &a).unwrap());
        assert!(!verify_password("correct horsE", &a).unwrap());
        assert!(verify_password("x", "not a phc string").is_err());
    }

    #[test]
    fn unicode_and_long_passwords_hash() {
        let long = "ü".repeat(1024);
        let h = hash_password(&long).unwrap();
        assert!(verify_password(&long, &h).unwrap());
        assert!(!PasswordHasher::default().verify(&long, None).unwrap(), "an unknown user never verifies");
    }
}

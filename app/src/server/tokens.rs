//! One-time secrets carried in links. Only their SHA-256 is stored, so a
//! copy of the database does not hand out working links.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use rand::RngCore;
use sha2::{Digest, Sha256};

/// A secret with a redacted `Debug`, so it cannot end up in a log line.
pub struct Secret(String);

impl Secret {
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// 256 random bits, URL-safe.
pub fn new_token() -> Secret {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    Secret(URL_SAFE_NO_PAD.encode(bytes))
}

pub fn hash(token: &str) -> String {
    let digest = Sha256::digest(token.as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Cheap shape check before any database lookup.
pub fn looks_valid(token: &str) -> bool {
    token.len() == 43
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// The status link for a submission key: a keyed hash, so posting the same
/// form twice yields the same link without the link ever being stored.
pub fn derived_token(secret: &[u8], purpose: &str, input: &str) -> Secret {
    use hmac::{Hmac, Mac};
    let mut mac = match Hmac::<Sha256>::new_from_slice(secret) {
        Ok(mac) => mac,
        // HMAC takes keys of any length; this arm cannot be reached.
        Err(_) => return new_token(),
    };
    mac.update(purpose.as_bytes());
    mac.update(b":");
    mac.update(input.as_bytes());
    Secret(URL_SAFE_NO_PAD.encode(mac.finalize().into_bytes()))
}

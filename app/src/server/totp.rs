//! Authenticator codes (TOTP, RFC 6238: HMAC-SHA-1, 6 digits, 30-second
//! steps, what every authenticator app reads from an `otpauth://` URI) and
//! one-time recovery codes.

use rand::RngCore;
use totp_rs::{Algorithm, TOTP};

use super::tokens;
use crate::error::AppError;

/// Seconds per code.
pub const STEP_SECONDS: i64 = 30;
/// Recovery codes issued at enrolment and on regeneration.
pub const RECOVERY_CODES: usize = 10;
const ISSUER: &str = "Coursegate";

/// A base32 TOTP secret with a redacted `Debug` and no `Serialize`, so it
/// cannot reach a log line or an answer by accident.
#[derive(Clone)]
pub struct TotpSecret(String);

impl TotpSecret {
    /// 160 random bits, the size RFC 4226 recommends.
    pub fn generate() -> Self {
        let mut bytes = [0u8; 20];
        rand::rngs::OsRng.fill_bytes(&mut bytes);
        let totp = TOTP::new_unchecked(
            Algorithm::SHA1,
            6,
            0,
            STEP_SECONDS as u64,
            bytes.to_vec(),
            None,
            String::new(),
        );
        Self(totp.get_secret_base32())
    }

    pub fn from_stored(base32: String) -> Self {
        Self(base32)
    }

    pub fn expose(&self) -> &str {
        &self.0
    }

    fn totp(&self, account: &str) -> Result<TOTP, AppError> {
        let bytes = totp_rs::Secret::Encoded(self.0.clone())
            .to_bytes()
            .map_err(|e| AppError::internal("a stored TOTP secret is damaged", format!("{e:?}")))?;
        // A colon separates issuer and account in the URI's label.
        let account = account.replace(':', "_");
        // Skew 0: `matching_step` walks the neighbouring steps itself, so it
        // knows which one matched.
        TOTP::new(
            Algorithm::SHA1,
            6,
            0,
            STEP_SECONDS as u64,
            bytes,
            Some(ISSUER.to_string()),
            account,
        )
        .map_err(|e| AppError::internal("failed to set up TOTP", format!("{e:?}")))
    }

    /// The URI authenticator apps read (as text or from a QR code).
    pub fn uri(&self, account: &str) -> Result<String, AppError> {
        Ok(self.totp(account)?.get_url())
    }

    /// The step (`unix seconds / 30`) whose code `code` is, looking at the
    /// current step and one on either side for clocks that drift; `None`
    /// when it matches none.
    pub fn matching_step(&self, code: &str, now_ms: i64) -> Result<Option<i64>, AppError> {
        let totp = self.totp("")?;
        let current = now_ms.div_euclid(1000) / STEP_SECONDS;
        Ok([current, current - 1, current + 1]
            .into_iter()
            .filter(|step| *step >= 0)
            .find(|step| totp.check(code, (*step * STEP_SECONDS) as u64)))
    }
}

impl std::fmt::Debug for TotpSecret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TotpSecret(***)")
    }
}

/// What the person typed in the code box.
#[derive(Debug, PartialEq, Eq)]
pub enum Code {
    /// Six digits from the authenticator app.
    Totp(String),
    /// A recovery code, normalized (lower case, no separators).
    Recovery(String),
}

/// Reads a code: spaces and dashes are ignored; six digits are an
/// authenticator code, 16 letters and digits a recovery code.
pub fn parse_code(input: &str) -> Result<Code, String> {
    let compact: String = input
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect();
    if compact.is_empty() {
        return Err("Enter the 6-digit code from your authenticator app.".into());
    }
    if compact.len() == 6 && compact.bytes().all(|b| b.is_ascii_digit()) {
        return Ok(Code::Totp(compact));
    }
    if compact.len() == 16 && compact.bytes().all(|b| b.is_ascii_alphanumeric()) {
        return Ok(Code::Recovery(compact.to_ascii_lowercase()));
    }
    Err("Enter the 6 digits your authenticator app shows, or one of your recovery codes.".into())
}

/// A new set of recovery codes as shown to the person: 16 characters of
/// Crockford's base32 alphabet (no i, l, o or u to misread; 80 bits each),
/// in groups of four.
pub fn new_recovery_codes() -> Vec<String> {
    const ALPHABET: &[u8; 32] = b"0123456789abcdefghjkmnpqrstvwxyz";
    (0..RECOVERY_CODES)
        .map(|_| {
            let mut bytes = [0u8; 16];
            rand::rngs::OsRng.fill_bytes(&mut bytes);
            let chars: Vec<char> = bytes
                .iter()
                .map(|b| ALPHABET[usize::from(b & 31)] as char)
                .collect();
            chars
                .chunks(4)
                .map(|group| group.iter().collect::<String>())
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect()
}

/// What is stored for a recovery code (already parsed by [`parse_code`]).
/// The codes carry 80 random bits, so a plain SHA-256 is enough, as for
/// link tokens.
pub fn recovery_hash(normalized: &str) -> String {
    tokens::hash(&format!("recovery:{normalized}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_with_spaces_and_dashes() {
        assert_eq!(parse_code(" 123 456 "), Ok(Code::Totp("123456".into())));
        assert_eq!(
            parse_code("ABCD-efgh-2345-6789"),
            Ok(Code::Recovery("abcdefgh23456789".into()))
        );
        for bad in [
            "",
            "12345",
            "1234567",
            "12345a",
            "abcd-efgh",
            "😀😀😀😀😀😀",
            "<script>",
        ] {
            assert!(parse_code(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn recovery_codes_are_unique_and_parse() {
        let codes = new_recovery_codes();
        assert_eq!(codes.len(), RECOVERY_CODES);
        let unique: std::collections::BTreeSet<_> = codes.iter().collect();
        assert_eq!(unique.len(), RECOVERY_CODES);
        for code in &codes {
            assert!(matches!(parse_code(code), Ok(Code::Recovery(_))), "{code}");
        }
    }

    #[test]
    fn the_current_code_matches_its_step_and_others_do_not() {
        let secret = TotpSecret::generate();
        let now_ms = 1_800_000_000_000;
        let step = now_ms / 1000 / STEP_SECONDS;
        let totp = secret.totp("a@example.com").expect("totp");
        let code = totp.generate((step * STEP_SECONDS) as u64);
        assert_eq!(
            secret.matching_step(&code, now_ms).expect("check"),
            Some(step)
        );
        let previous = totp.generate(((step - 1) * STEP_SECONDS) as u64);
        assert_eq!(
            secret.matching_step(&previous, now_ms).expect("check"),
            Some(step - 1)
        );
        let old = totp.generate(((step - 5) * STEP_SECONDS) as u64);
        if old != code && old != previous {
            assert_eq!(secret.matching_step(&old, now_ms).expect("check"), None);
        }
    }

    #[test]
    fn debug_hides_the_secret() {
        let secret = TotpSecret::generate();
        assert!(!format!("{secret:?}").contains(secret.expose()));
    }

    #[test]
    fn the_uri_names_issuer_account_and_secret() {
        let secret = TotpSecret::generate();
        let uri = secret.uri("ops@example.com").expect("uri");
        assert!(uri.starts_with("otpauth://totp/Coursegate:"), "{uri}");
        assert!(
            uri.contains(&format!("secret={}", secret.expose())),
            "{uri}"
        );
    }
}

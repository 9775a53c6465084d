//! Settings: built-in defaults, then an optional TOML file, then
//! `COURSEGATE_*` environment variables, each layer overriding the last.

use serde::Deserialize;

/// A setting that may hold a password (the SMTP URL); `Debug` hides it.
#[derive(Clone, Default, Deserialize)]
#[serde(transparent)]
pub struct SecretString(String);

impl SecretString {
    pub fn new(value: impl Into<String>) -> Self {
        Self(value.into())
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(if self.0.is_empty() { "\"\"" } else { "\"***\"" })
    }
}

#[derive(Clone, Debug, Deserialize)]
pub struct Settings {
    /// Address the HTTP server listens on.
    pub bind: String,
    /// `sqlite://path` (embedded default) or `postgres://…`.
    pub database_url: String,
    /// Origin users reach the site at; used in mailed links and for the
    /// cross-site request check.
    pub public_url: String,
    /// Created as the first system administrator when none exists.
    pub first_admin_email: String,
    pub invitation_ttl_hours: i64,
    /// Mark the session cookie `Secure` (set when served over HTTPS).
    pub cookie_secure: bool,
    /// A Customer admin's session ends after this long without a request.
    pub session_idle_minutes: i64,
    /// A system administrator's session ends after this long without a
    /// request (shorter: the console can approve, suspend and deactivate).
    pub session_admin_idle_minutes: i64,
    /// Every session ends this long after sign-in, however busy.
    pub session_absolute_hours: i64,
    /// System administrators must set up a second factor (TOTP) before the
    /// admin console lets them in.
    pub require_admin_totp: bool,
    /// The window the per-account abuse limits count in.
    pub abuse_window_minutes: i64,
    /// Failed sign-ins, codes or current passwords per account from one
    /// address in the window.
    pub abuse_failures_per_address: i64,
    /// Failed attempts per account from every address together; once
    /// reached, addresses that have failed for the account wait, while an
    /// address that has not failed may still try.
    pub abuse_failures_per_account: i64,
    /// Set-password attempts per emailed link in the window.
    pub abuse_password_set_per_link: i64,
    /// Invitations (administrators, handovers, resends) one system
    /// administrator may send per hour.
    pub abuse_invitations_per_hour: i64,
    /// How many argon2 hashes may run at once (each takes 19 MiB).
    pub argon2_max_concurrent: usize,
    pub rate_sign_in_per_minute: u32,
    pub rate_submit_per_minute: u32,
    pub rate_password_per_minute: u32,
    /// Requests with a larger body are refused with 413.
    pub max_body_bytes: usize,
    /// `text` or `json`.
    pub log_format: String,
    /// `smtp://user:password@host:587?tls=required` (or `smtps://…`);
    /// empty means no delivery: mail stays in the outbox.
    pub smtp_url: SecretString,
    /// The sender of every mail.
    pub mail_from: String,
    /// Delivery attempts before a mail is marked failed.
    pub mail_max_attempts: i64,
    /// Wait before the second attempt; it doubles each time (capped at an hour).
    pub mail_retry_seconds: i64,
    /// The operator's IANA time zone: course dates are shown in it to system
    /// administrators and to organizations that have not chosen their own.
    pub operator_time_zone: String,
    /// Days after the decision or withdrawal until a rejected or withdrawn
    /// application's personal data is purged.
    pub retention_days: i64,
    /// How often a running server purges; 0 leaves it to `coursegate purge`.
    pub purge_interval_minutes: u64,
}

const DEFAULTS: &[(&str, &str)] = &[
    ("bind", "127.0.0.1:3000"),
    ("database_url", "sqlite://data/coursegate.db"),
    ("public_url", "http://127.0.0.1:3000"),
    ("first_admin_email", "admin@example.com"),
    ("invitation_ttl_hours", "72"),
    ("cookie_secure", "false"),
    ("session_idle_minutes", "120"),
    ("session_admin_idle_minutes", "30"),
    ("session_absolute_hours", "12"),
    ("require_admin_totp", "false"),
    ("abuse_window_minutes", "15"),
    ("abuse_failures_per_address", "5"),
    ("abuse_failures_per_account", "50"),
    ("abuse_password_set_per_link", "10"),
    ("abuse_invitations_per_hour", "30"),
    ("argon2_max_concurrent", "2"),
    ("rate_sign_in_per_minute", "10"),
    ("rate_submit_per_minute", "10"),
    ("rate_password_per_minute", "10"),
    ("max_body_bytes", "262144"),
    ("log_format", "text"),
    ("smtp_url", ""),
    ("mail_from", "Coursegate <no-reply@example.com>"),
    ("mail_max_attempts", "5"),
    ("mail_retry_seconds", "30"),
    ("operator_time_zone", "Europe/Helsinki"),
    ("retention_days", "180"),
    ("purge_interval_minutes", "60"),
];

impl Settings {
    /// Every setting with its default, for `--help`-style listings and the
    /// README's table.
    pub fn defaults() -> &'static [(&'static str, &'static str)] {
        DEFAULTS
    }

    /// Loads the layers. The file is `COURSEGATE_CONFIG` when set (and must
    /// exist), otherwise `coursegate.toml` in the working folder if present.
    pub fn load() -> Result<Self, String> {
        if std::env::var_os("COURSEGATE_SESSION_IDLE_HOURS").is_some() {
            return Err("COURSEGATE_SESSION_IDLE_HOURS is no longer read: use COURSEGATE_SESSION_IDLE_MINUTES (Customer admins), COURSEGATE_SESSION_ADMIN_IDLE_MINUTES (system administrators) and COURSEGATE_SESSION_ABSOLUTE_HOURS, then unset it".into());
        }
        let mut builder = config::Config::builder();
        for (key, value) in DEFAULTS {
            builder = builder
                .set_default(*key, *value)
                .map_err(|e| format!("bad default for {key}: {e}"))?;
        }
        match std::env::var("COURSEGATE_CONFIG") {
            Ok(path) => {
                if !std::path::Path::new(&path).is_file() {
                    return Err(format!(
                        "COURSEGATE_CONFIG names {path:?}, which is not a file; fix the path or unset the variable"
                    ));
                }
                builder = builder.add_source(config::File::new(&path, config::FileFormat::Toml));
            }
            Err(_) => {
                builder = builder.add_source(
                    config::File::new("coursegate.toml", config::FileFormat::Toml).required(false),
                );
            }
        }
        builder =
            builder.add_source(config::Environment::with_prefix("COURSEGATE").try_parsing(true));
        let settings: Settings = builder
            .build()
            .and_then(|c| c.try_deserialize())
            .map_err(|e| format!("invalid configuration: {e}. Each setting can be given as COURSEGATE_<NAME> (for example COURSEGATE_BIND=127.0.0.1:3000)"))?;
        settings.check()?;
        Ok(settings)
    }

    fn check(&self) -> Result<(), String> {
        if self.bind.parse::<std::net::SocketAddr>().is_err() {
            return Err(format!(
                "COURSEGATE_BIND={:?} is not an address; use host:port such as 127.0.0.1:3000",
                self.bind
            ));
        }
        if !(self.public_url.starts_with("http://") || self.public_url.starts_with("https://")) {
            return Err(format!(
                "COURSEGATE_PUBLIC_URL={:?} must start with http:// or https://",
                self.public_url
            ));
        }
        if self.invitation_ttl_hours < 1 {
            return Err("COURSEGATE_INVITATION_TTL_HOURS must be at least 1".into());
        }
        if self.session_idle_minutes < 1
            || self.session_admin_idle_minutes < 1
            || self.session_absolute_hours < 1
        {
            return Err("COURSEGATE_SESSION_IDLE_MINUTES, COURSEGATE_SESSION_ADMIN_IDLE_MINUTES and COURSEGATE_SESSION_ABSOLUTE_HOURS must each be at least 1".into());
        }
        if self.abuse_window_minutes < 1
            || self.abuse_failures_per_address < 1
            || self.abuse_failures_per_account < 1
            || self.abuse_password_set_per_link < 1
            || self.abuse_invitations_per_hour < 1
        {
            return Err("the COURSEGATE_ABUSE_* settings must each be at least 1".into());
        }
        if self.argon2_max_concurrent < 1 {
            return Err("COURSEGATE_ARGON2_MAX_CONCURRENT must be at least 1".into());
        }
        if self.max_body_bytes < 16 * 1024 {
            return Err("COURSEGATE_MAX_BODY_BYTES must be at least 16384".into());
        }
        if self.mail_max_attempts < 1 || self.mail_retry_seconds < 0 {
            return Err("COURSEGATE_MAIL_MAX_ATTEMPTS must be at least 1 and COURSEGATE_MAIL_RETRY_SECONDS at least 0".into());
        }
        let smtp = self.smtp_url.expose();
        if !(smtp.is_empty() || smtp.starts_with("smtp://") || smtp.starts_with("smtps://")) {
            return Err("COURSEGATE_SMTP_URL must start with smtp:// or smtps:// (or be empty to keep mail in the outbox)".into());
        }
        if self.mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(format!(
                "COURSEGATE_MAIL_FROM={:?} is not a mailbox; use a form such as \"Coursegate <no-reply@example.com>\"",
                self.mail_from
            ));
        }
        if crate::validate::Email::parse(&self.first_admin_email).is_err() {
            return Err(format!(
                "COURSEGATE_FIRST_ADMIN_EMAIL={:?} is not an email address",
                self.first_admin_email
            ));
        }
        if !(1..=36_500).contains(&self.retention_days) {
            return Err(format!(
                "COURSEGATE_RETENTION_DAYS={} must be between 1 and 36500 (days after a rejection or withdrawal)",
                self.retention_days
            ));
        }
        if super::tz::zone(&self.operator_time_zone).is_none() {
            return Err(format!(
                "COURSEGATE_OPERATOR_TIME_ZONE={:?} is not a time zone; use an IANA name such as Europe/Helsinki",
                self.operator_time_zone
            ));
        }
        Ok(())
    }

    /// The public URL without a trailing slash, for building links.
    pub fn base_url(&self) -> &str {
        self.public_url.trim_end_matches('/')
    }

    /// `scheme://host[:port]` of the public URL, compared with `Origin`.
    pub fn public_origin(&self) -> String {
        let url = self.base_url();
        let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
        match url[after_scheme..].find('/') {
            Some(slash) => url[..after_scheme + slash].to_string(),
            None => url.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Settings {
        Settings {
            bind: "127.0.0.1:3000".into(),
            database_url: "sqlite://x.db".into(),
            public_url: "https://courses.example.com/app/".into(),
            first_admin_email: "admin@example.com".into(),
            invitation_ttl_hours: 72,
            cookie_secure: true,
            session_idle_minutes: 120,
            session_admin_idle_minutes: 30,
            session_absolute_hours: 12,
            require_admin_totp: false,
            abuse_window_minutes: 15,
            abuse_failures_per_address: 5,
            abuse_failures_per_account: 50,
            abuse_password_set_per_link: 10,
            abuse_invitations_per_hour: 30,
            argon2_max_concurrent: 2,
            rate_sign_in_per_minute: 10,
            rate_submit_per_minute: 10,
            rate_password_per_minute: 10,
            max_body_bytes: 262_144,
            log_format: "text".into(),
            smtp_url: SecretString::new("smtp://user:hunter2@mail.example.com:587"),
            mail_from: "Coursegate <no-reply@example.com>".into(),
            mail_max_attempts: 5,
            mail_retry_seconds: 30,
            operator_time_zone: "Europe/Helsinki".into(),
            retention_days: 180,
            purge_interval_minutes: 60,
        }
    }

    #[test]
    fn debug_output_hides_the_smtp_password() {
        let printed = format!("{:?}", sample());
        assert!(!printed.contains("hunter2"), "{printed}");
    }

    #[test]
    fn origin_drops_the_path() {
        let s = sample();
        assert_eq!(s.public_origin(), "https://courses.example.com");
        assert_eq!(s.base_url(), "https://courses.example.com/app");
    }

    #[test]
    fn check_explains_bad_values() {
        let mut s = sample();
        s.bind = "localhost".into();
        assert!(s.check().unwrap_err().contains("COURSEGATE_BIND"));
        let mut s = sample();
        s.public_url = "courses.example.com".into();
        assert!(s.check().unwrap_err().contains("COURSEGATE_PUBLIC_URL"));
        let mut s = sample();
        s.retention_days = 0;
        assert!(s.check().unwrap_err().contains("COURSEGATE_RETENTION_DAYS"));
        let mut s = sample();
        s.session_admin_idle_minutes = 0;
        assert!(s
            .check()
            .unwrap_err()
            .contains("COURSEGATE_SESSION_ADMIN_IDLE_MINUTES"));
        let mut s = sample();
        s.session_absolute_hours = -1;
        assert!(s
            .check()
            .unwrap_err()
            .contains("COURSEGATE_SESSION_ABSOLUTE_HOURS"));
        let mut s = sample();
        s.abuse_failures_per_account = 0;
        assert!(s.check().unwrap_err().contains("COURSEGATE_ABUSE_"));
        assert!(sample().check().is_ok());
    }
}

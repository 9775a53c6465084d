//! Request facts a server function needs: the caller's address, whether the
//! call is a plain HTML form post, and the response status.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;

use axum::extract::ConnectInfo;
use governor::clock::{Clock, DefaultClock};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use http::request::Parts;
use http::StatusCode;
use leptos::prelude::*;
use leptos_axum::ResponseOptions;

use super::Settings;
use crate::error::AppError;

/// Sets the status of the response being built. A plain form post is left
/// alone: Leptos turns its answer into a redirect (a 4xx would break that),
/// and the server's `form_posts` layer replaces a failed one with the form's
/// page under the error's status.
pub fn set_error_status(status: u16, retry_after_seconds: Option<u64>) {
    if is_form_post() {
        return;
    }
    if let (Some(options), Ok(code)) = (
        use_context::<ResponseOptions>(),
        StatusCode::from_u16(status),
    ) {
        options.set_status(code);
        if let Some(seconds) = retry_after_seconds {
            options.insert_header(http::header::RETRY_AFTER, http::HeaderValue::from(seconds));
        }
    }
}

pub fn is_form_post() -> bool {
    use_context::<Parts>()
        .and_then(|parts| {
            parts
                .headers
                .get(http::header::ACCEPT)
                .and_then(|v| v.to_str().ok())
                .map(|v| v.contains("text/html"))
        })
        .unwrap_or(false)
}

pub fn client_ip() -> Option<IpAddr> {
    use_context::<Parts>().and_then(|parts| {
        parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip())
    })
}

/// Per-client rate limits for the calls an attacker would hammer.
pub struct Limits {
    sign_in: DefaultKeyedRateLimiter<String>,
    submit: DefaultKeyedRateLimiter<String>,
    password: DefaultKeyedRateLimiter<String>,
    forgot_password: DefaultKeyedRateLimiter<String>,
    /// The public contact form, at the application-submission rate.
    contact: DefaultKeyedRateLimiter<String>,
}

fn per_minute(n: u32) -> Quota {
    Quota::per_minute(NonZeroU32::new(n.max(1)).unwrap_or(NonZeroU32::MIN))
}

impl Limits {
    pub fn new(settings: &Settings) -> Self {
        Self {
            sign_in: RateLimiter::keyed(per_minute(settings.rate_sign_in_per_minute)),
            submit: RateLimiter::keyed(per_minute(settings.rate_submit_per_minute)),
            password: RateLimiter::keyed(per_minute(settings.rate_password_per_minute)),
            contact: RateLimiter::keyed(per_minute(settings.rate_submit_per_minute)),
            forgot_password: RateLimiter::keyed(per_minute(settings.rate_password_per_minute)),
        }
    }

    fn check(limiter: &DefaultKeyedRateLimiter<String>, key: String) -> Result<(), AppError> {
        limiter.check_key(&key).map_err(|not_until| {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            let seconds = retry_seconds(wait);
            tracing::warn!(retry_after_seconds = seconds, "rate limit reached");
            AppError::RateLimited(seconds)
        })
    }

    /// Sign-in attempts per address (also the code step). The per-account
    /// limits live in the database: [`super::abuse`].
    pub fn sign_in(&self) -> Result<(), AppError> {
        Self::check(&self.sign_in, ip_key())
    }

    pub fn submit(&self) -> Result<(), AppError> {
        Self::check(&self.submit, ip_key())
    }

    pub fn password(&self) -> Result<(), AppError> {
        Self::check(&self.password, ip_key())
    }

    pub fn contact(&self) -> Result<(), AppError> {
        Self::check(&self.contact, ip_key())
    }

    /// Forgot-password requests, per address and per email (hashed), so
    /// nobody can flood an inbox with reset mails.
    pub fn forgot_password(&self, email_key: &str) -> Result<(), AppError> {
        Self::check(&self.forgot_password, format!("ip:{}", ip_key()))?;
        Self::check(&self.forgot_password, format!("email:{email_key}"))
    }
}

/// Whole seconds, rounded up so that waiting that long is always enough,
/// and never 0 ("try again in 0 seconds" would be refused again).
fn retry_seconds(wait: std::time::Duration) -> u64 {
    let seconds = wait.as_secs() + u64::from(wait.subsec_nanos() > 0);
    seconds.max(1)
}

fn ip_key() -> String {
    client_ip()
        .map(|ip| ip.to_string())
        .unwrap_or_else(|| "unknown".into())
}

#[cfg(test)]
mod tests {
    use super::retry_seconds;
    use std::time::Duration;

    #[test]
    fn retry_seconds_round_up_and_are_never_zero() {
        assert_eq!(retry_seconds(Duration::ZERO), 1);
        assert_eq!(retry_seconds(Duration::from_millis(1)), 1);
        assert_eq!(retry_seconds(Duration::from_millis(5_999)), 6);
        assert_eq!(retry_seconds(Duration::from_secs(6)), 6);
    }
}

//! The one error type every server function returns.
//!
//! It crosses the wire as JSON, so the browser can show field messages, and
//! each variant maps to an HTTP status. Internal failures are logged with
//! their cause where they happen and reach the client only as a generic
//! sentence.

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use leptos::server_fn::Bytes;
use leptos::server_fn::Encodes;
use serde::{Deserialize, Serialize};

/// `(field name, message)` pairs; field names are the form's input names.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldErrors(pub Vec<(String, String)>);

impl FieldErrors {
    pub fn push(&mut self, field: &str, message: impl Into<String>) {
        self.0.push((field.to_string(), message.into()));
    }

    pub fn get(&self, field: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(f, _)| f == field)
            .map(|(_, m)| m.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Collects a field's parse result, keeping the value when it parsed.
    pub fn check<T>(&mut self, field: &str, result: Result<T, String>) -> Option<T> {
        match result {
            Ok(value) => Some(value),
            Err(message) => {
                self.push(field, message);
                None
            }
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    /// The request could not be understood (missing or malformed arguments).
    #[error("{0}")]
    BadRequest(String),
    #[error("Please sign in to continue.")]
    Unauthorized,
    /// The one answer for every failed sign-in, so it reveals nothing.
    #[error("Email or password is incorrect.")]
    InvalidCredentials,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    Conflict(String),
    /// A link that was valid once: used, replaced or expired.
    #[error("{0}")]
    Gone(String),
    #[error("Please correct the highlighted fields.")]
    Validation(FieldErrors),
    /// Carries the seconds until the next attempt is allowed; they go out
    /// in the message and in `Retry-After`.
    #[error("Too many attempts. Please try again in {0} seconds.")]
    RateLimited(u64),
    #[error("The server could not be reached. Check your connection and try again.")]
    Unreachable,
    #[error("Something went wrong on our side. Please try again later.")]
    Internal,
}

impl AppError {
    pub fn status(&self) -> u16 {
        match self {
            AppError::BadRequest(_) => 400,
            AppError::Unauthorized | AppError::InvalidCredentials => 401,
            AppError::Forbidden(_) => 403,
            AppError::NotFound(_) => 404,
            AppError::Conflict(_) => 409,
            AppError::Gone(_) => 410,
            AppError::Validation(_) => 422,
            AppError::RateLimited(_) => 429,
            AppError::Unreachable => 503,
            AppError::Internal => 500,
        }
    }

    pub fn field(field: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::default();
        errors.push(field, message);
        AppError::Validation(errors)
    }

    pub fn field_errors(&self) -> Option<&FieldErrors> {
        match self {
            AppError::Validation(errors) => Some(errors),
            _ => None,
        }
    }

    /// Logs the cause and hides it from the client.
    #[cfg(feature = "ssr")]
    pub fn internal(context: &str, cause: impl std::fmt::Display) -> Self {
        tracing::error!(error = %cause, "{context}");
        AppError::Internal
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // Said in the request's language (or the page's, when the
            // browser could not read an answer).
            ServerFnErrorErr::Args(msg) | ServerFnErrorErr::Deserialization(msg) => {
                AppError::BadRequest(
                    crate::i18n::use_locale().t_args("error-unreadable", &[("detail", msg.into())]),
                )
            }
            ServerFnErrorErr::MissingArg(arg) => AppError::BadRequest(
                crate::i18n::use_locale().t_args("error-missing-arg", &[("arg", arg.into())]),
            ),
            ServerFnErrorErr::Request(_) => AppError::Unreachable,
            ServerFnErrorErr::UnsupportedRequestMethod(msg) => AppError::BadRequest(msg),
            _ => AppError::Internal,
        }
    }

    /// Every error response passes through here on its way out, so this is
    /// the one place that turns the variant into the HTTP status. Plain HTML
    /// form posts (JavaScript off) get theirs from `server::form_posts`,
    /// which answers them with the form's page instead of Leptos's redirect.
    fn ser(&self) -> Bytes {
        #[cfg(feature = "ssr")]
        crate::server::http::set_error_status(
            self.status(),
            match self {
                AppError::RateLimited(seconds) => Some(*seconds),
                _ => None,
            },
        );
        <JsonEncoding as Encodes<Self>>::encode(self)
            .unwrap_or_else(|_| Bytes::from_static(b"\"Internal\""))
    }
}

impl AppError {
    /// The sentence a person reads, in `locale`. The fixed variants have
    /// their own messages; the others carry a sentence the server function
    /// already wrote in the request's language.
    pub fn message(&self, locale: crate::i18n::Locale) -> String {
        match self {
            AppError::Unauthorized => locale.t("error-unauthorized"),
            AppError::InvalidCredentials => locale.t("error-invalid-credentials"),
            AppError::Validation(_) => locale.t("error-validation"),
            AppError::RateLimited(seconds) => locale.t_args(
                "error-rate-limited",
                &[("seconds", (*seconds as i64).into())],
            ),
            AppError::Unreachable => locale.t("error-unreachable"),
            AppError::Internal => locale.t("error-internal"),
            other => other.to_string(),
        }
    }
}

/// Shown in the page for any error that is not about a single field, in
/// the page's language.
pub fn describe(error: &AppError) -> String {
    error.message(crate::i18n::use_locale())
}

//! The language a user's mails are written in: the one they last chose with
//! the header's switcher or signed in with, kept on their account, so a
//! mail caused by someone else (an operator's decision) still reaches them
//! in their language.

use sqlx::AnyPool;

use crate::error::AppError;
use crate::i18n::{request_locale, Locale};
use crate::server::DbContext;

/// The recipient's stored language, or the current request's when they
/// have none yet (or the account is unknown).
pub async fn of_user(pool: &AnyPool, user_id: &str) -> Result<Locale, AppError> {
    let stored: Option<Option<String>> =
        sqlx::query_scalar("SELECT locale FROM app_user WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(pool)
            .await
            .context("failed to read the user's language")?;
    Ok(stored
        .flatten()
        .as_deref()
        .and_then(Locale::from_code)
        .unwrap_or_else(request_locale))
}

/// Remembers `locale` as the user's language (a no-op when it already is).
pub async fn remember(pool: &AnyPool, user_id: &str, locale: Locale) -> Result<(), AppError> {
    sqlx::query(
        "UPDATE app_user SET locale = $2 WHERE user_id = $1 AND (locale IS NULL OR locale <> $2)",
    )
    .bind(user_id)
    .bind(locale.code())
    .execute(pool)
    .await
    .context("failed to store the user's language")?;
    Ok(())
}

//! Server half of two-step sign-in: enrolment, the code check shared with
//! the sign-in step, recovery codes, switching it off.

use serde::{Deserialize, Serialize};

use super::two_step::{Enrolment, TwoStepState};
use crate::error::AppError;
use crate::server::abuse::{self, Scope};
use crate::server::audit::{self, Entry};
use crate::server::auth::{admin_with_factor, session, start_session, AdminSession};
use crate::server::db::{RowExt, Tx};
use crate::server::totp::{self, Code, TotpSecret};
use crate::server::{now_ms, state, AppState, DbContext};
use crate::validate;

/// An enrolment waiting for its first code. It lives in the server-side
/// session (never in the cookie) and only until confirmed or expired.
#[derive(Serialize, Deserialize)]
struct PendingEnrolment {
    secret: String,
    expires_at: i64,
}

const ENROLMENT_KEY: &str = "two_step_enrolment";
/// New recovery codes wait here until the person says they saved them, for
/// at most `CODES_MS`; then they are gone for good (only hashes remain).
const CODES_KEY: &str = "two_step_new_codes";
const ENROLMENT_MS: i64 = 15 * 60_000;
const CODES_MS: i64 = 10 * 60_000;

#[derive(Serialize, Deserialize)]
struct CodesToShow {
    codes: Vec<String>,
    expires_at: i64,
}

fn not_enabled() -> AppError {
    AppError::Conflict(crate::i18n::request_locale().t("two-step-not-on"))
}

fn wrong_code() -> AppError {
    AppError::field(
        "code",
        crate::i18n::request_locale().t("two-step-code-wrong"),
    )
}

async fn stored_secret(st: &AppState, user_id: &str) -> Result<Option<TotpSecret>, AppError> {
    let secret: Option<String> =
        sqlx::query_scalar("SELECT secret FROM user_totp WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(st.db.pool())
            .await
            .context("failed to load the authenticator")?;
    Ok(secret.map(TotpSecret::from_stored))
}

/// Checks an authenticator or recovery code of `user_id`. Wrong, reused
/// and replayed codes count toward the abuse limits; a right one uses the
/// code up (its 30-second step, or the recovery code).
pub async fn verify_second_factor(
    st: &AppState,
    user_id: &str,
    code: &Code,
    purpose: &str,
) -> Result<(), AppError> {
    let failures = abuse::check_failures(st, Scope::Totp, user_id).await?;
    let secret = stored_secret(st, user_id).await?.ok_or_else(not_enabled)?;
    let now = st.clock.now_ms();

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let refused = match code {
        Code::Totp(digits) => match secret.matching_step(digits, now)? {
            None => Some(wrong_code()),
            // Accepted only for a later step than the last accepted code, in
            // one statement, so the same code works once even when two
            // servers see it at the same moment.
            Some(step) => {
                let used = sqlx::query(
                    "UPDATE user_totp SET last_step = $2 WHERE user_id = $1 AND last_step < $2",
                )
                .bind(user_id)
                .bind(step)
                .execute(&mut *tx)
                .await
                .context("failed to use the code")?;
                (used.rows_affected() != 1).then(|| {
                    AppError::field(
                        "code",
                        crate::i18n::request_locale().t("two-step-code-used"),
                    )
                })
            }
        },
        Code::Recovery(normalized) => {
            let hash = totp::recovery_hash(normalized);
            let used = sqlx::query(
                "UPDATE recovery_code SET used_at = $3
                 WHERE code_hash = $1 AND user_id = $2 AND used_at IS NULL",
            )
            .bind(&hash)
            .bind(user_id)
            .bind(now_ms())
            .execute(&mut *tx)
            .await
            .context("failed to use the recovery code")?;
            if used.rows_affected() == 1 {
                audit::record(
                    &mut tx,
                    Entry {
                        actor_user_id: Some(user_id),
                        actor_label: "account owner",
                        action: "user.recovery_code_used",
                        subject_kind: "user",
                        subject_id: user_id,
                        organization_id: None,
                        detail: purpose,
                    },
                )
                .await?;
                None
            } else {
                Some(AppError::field(
                    "code",
                    crate::i18n::request_locale().t("two-step-recovery-wrong"),
                ))
            }
        }
    };
    if let Some(error) = refused {
        drop(tx);
        abuse::record(st, Scope::Totp, user_id).await?;
        tracing::warn!(user_id = %user_id, "second factor refused");
        return Err(error);
    }
    tx.commit().await.context("failed to use the code")?;
    abuse::clear_mine(st, Scope::Totp, user_id, failures).await
}

pub async fn status() -> Result<TwoStepState, AppError> {
    let st = state()?;
    let (admin, enabled) = admin_with_factor(&st).await?;
    let recovery_codes_left: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM recovery_code WHERE user_id = $1 AND used_at IS NULL",
    )
    .bind(&admin.user_id)
    .fetch_one(st.db.pool())
    .await
    .context("failed to count the recovery codes")?;
    // The secret goes out only while the enrolment is unconfirmed.
    let enrolment = match (enabled, pending_enrolment(&st).await?) {
        (false, Some(secret)) => Some(Enrolment {
            uri: secret.uri(&admin.email)?,
            secret: secret.expose().to_string(),
        }),
        _ => None,
    };
    Ok(TwoStepState {
        enabled,
        required: st.settings.require_admin_totp,
        recovery_codes_left,
        enrolment,
    })
}

async fn pending_enrolment(st: &AppState) -> Result<Option<TotpSecret>, AppError> {
    let pending: Option<PendingEnrolment> = session()
        .await?
        .get(ENROLMENT_KEY)
        .await
        .map_err(|e| AppError::internal("failed to read the session", e))?;
    Ok(pending
        .filter(|p| p.expires_at > st.clock.now_ms())
        .map(|p| TotpSecret::from_stored(p.secret)))
}

pub async fn start() -> Result<(), AppError> {
    let st = state()?;
    let (admin, enabled) = admin_with_factor(&st).await?;
    if enabled {
        return Err(AppError::Conflict(
            crate::i18n::request_locale().t("two-step-already-on-move"),
        ));
    }
    session()
        .await?
        .insert(
            ENROLMENT_KEY,
            PendingEnrolment {
                secret: TotpSecret::generate().expose().to_string(),
                expires_at: st.clock.now_ms() + ENROLMENT_MS,
            },
        )
        .await
        .map_err(|e| AppError::internal("failed to store the session", e))?;
    tracing::info!(user_id = %admin.user_id, "two-step enrolment started");
    Ok(())
}

pub async fn confirm(code: &str) -> Result<(), AppError> {
    let st = state()?;
    let (admin, enabled) = admin_with_factor(&st).await?;
    if enabled {
        return Err(AppError::Conflict(
            crate::i18n::request_locale().t("two-step-already-on"),
        ));
    }
    let secret = pending_enrolment(&st)
        .await?
        .ok_or_else(|| AppError::Gone(crate::i18n::request_locale().t("two-step-setup-expired")))?;
    let digits = match totp::parse_code(code) {
        Ok(Code::Totp(digits)) => digits,
        _ => {
            return Err(AppError::field(
                "code",
                crate::i18n::request_locale().t("two-step-enter-six"),
            ))
        }
    };
    abuse::check_failures(&st, Scope::Totp, &admin.user_id).await?;
    let Some(step) = secret.matching_step(&digits, st.clock.now_ms())? else {
        abuse::record(&st, Scope::Totp, &admin.user_id).await?;
        return Err(wrong_code());
    };

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let inserted = sqlx::query(
        "INSERT INTO user_totp (user_id, secret, last_step, enabled_at) VALUES ($1, $2, $3, $4)",
    )
    .bind(&admin.user_id)
    .bind(secret.expose())
    .bind(step)
    .bind(now_ms())
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) if crate::server::is_unique_violation(&e) => {
            return Err(AppError::Conflict(
                crate::i18n::request_locale().t("two-step-already-on"),
            ))
        }
        Err(e) => return Err(AppError::internal("failed to store the authenticator", e)),
    }
    let codes = replace_recovery_codes(&mut tx, &admin.user_id).await?;
    // Sessions that signed in with the password alone end now.
    let epoch = crate::profile::server::bump_epoch(&mut tx, &admin.user_id).await?;
    audit_change(
        &mut tx,
        &admin,
        "user.two_step_enabled",
        "authenticator confirmed; 10 recovery codes issued; other sessions ended",
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the authenticator")?;

    start_session(&st, &admin.user_id, epoch, None).await?;
    let session = session().await?;
    let _ = session
        .remove_value(ENROLMENT_KEY)
        .await
        .map_err(|e| AppError::internal("failed to store the session", e))?;
    show_until_saved(&st, codes).await?;
    tracing::info!(user_id = %admin.user_id, "two-step sign-in switched on");
    Ok(())
}

/// Keeps new recovery codes in the session, so the page after the form
/// post can show them (a reload too, until they are saved).
async fn show_until_saved(st: &AppState, codes: Vec<String>) -> Result<(), AppError> {
    let to_show = CodesToShow {
        codes,
        expires_at: st.clock.now_ms() + CODES_MS,
    };
    session()
        .await?
        .insert(CODES_KEY, to_show)
        .await
        .map_err(|e| AppError::internal("failed to store the session", e))
}

/// The recovery codes issued by this browser's last confirm or
/// regenerate, until they are marked saved or 10 minutes have passed.
pub async fn new_codes() -> Result<Vec<String>, AppError> {
    let st = state()?;
    admin_with_factor(&st).await?;
    let to_show: Option<CodesToShow> = session()
        .await?
        .get(CODES_KEY)
        .await
        .map_err(|e| AppError::internal("failed to read the session", e))?;
    Ok(to_show
        .filter(|c| c.expires_at > st.clock.now_ms())
        .map(|c| c.codes)
        .unwrap_or_default())
}

/// The person has saved the codes: they are never shown again.
pub async fn codes_saved() -> Result<(), AppError> {
    let st = state()?;
    admin_with_factor(&st).await?;
    let _ = session()
        .await?
        .remove_value(CODES_KEY)
        .await
        .map_err(|e| AppError::internal("failed to store the session", e))?;
    Ok(())
}

async fn replace_recovery_codes(tx: &mut Tx, user_id: &str) -> Result<Vec<String>, AppError> {
    sqlx::query("DELETE FROM recovery_code WHERE user_id = $1")
        .bind(user_id)
        .execute(&mut **tx)
        .await
        .context("failed to remove the old recovery codes")?;
    let codes = totp::new_recovery_codes();
    let now = now_ms();
    for code in &codes {
        let normalized = match totp::parse_code(code) {
            Ok(Code::Recovery(normalized)) => normalized,
            _ => {
                return Err(AppError::internal(
                    "recovery code",
                    "a new code does not parse",
                ))
            }
        };
        sqlx::query(
            "INSERT INTO recovery_code (code_hash, user_id, created_at) VALUES ($1, $2, $3)",
        )
        .bind(totp::recovery_hash(&normalized))
        .bind(user_id)
        .bind(now)
        .execute(&mut **tx)
        .await
        .context("failed to store a recovery code")?;
    }
    Ok(codes)
}

async fn audit_change(
    tx: &mut Tx,
    admin: &AdminSession,
    action: &str,
    detail: &str,
) -> Result<(), AppError> {
    audit::record(
        tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action,
            subject_kind: "user",
            subject_id: &admin.user_id,
            organization_id: None,
            detail,
        },
    )
    .await
}

/// New recovery codes; the old ones stop working. Needs a current code.
pub async fn regenerate(code: &str) -> Result<(), AppError> {
    let st = state()?;
    let (admin, enabled) = admin_with_factor(&st).await?;
    if !enabled {
        return Err(not_enabled());
    }
    let code = totp::parse_code(code).map_err(|m| AppError::field("code", m))?;
    verify_second_factor(&st, &admin.user_id, &code, "recovery codes regenerated").await?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let codes = replace_recovery_codes(&mut tx, &admin.user_id).await?;
    audit_change(
        &mut tx,
        &admin,
        "user.recovery_codes_regenerated",
        "10 new recovery codes; the old ones stopped working",
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the recovery codes")?;
    show_until_saved(&st, codes).await?;
    tracing::info!(user_id = %admin.user_id, "recovery codes regenerated");
    Ok(())
}

/// Switches two-step sign-in off, with a current code or the password.
pub async fn disable(code: &str, current_password: String) -> Result<(), AppError> {
    let st = state()?;
    let (admin, enabled) = admin_with_factor(&st).await?;
    if !enabled {
        return Err(not_enabled());
    }
    if !code.trim().is_empty() {
        let code = totp::parse_code(code).map_err(|m| AppError::field("code", m))?;
        verify_second_factor(&st, &admin.user_id, &code, "two-step sign-in switched off").await?;
    } else if !current_password.is_empty() {
        check_password(&st, &admin.user_id, current_password).await?;
    } else {
        return Err(AppError::field(
            "code",
            crate::i18n::request_locale().t("two-step-code-or-password"),
        ));
    }

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    sqlx::query("DELETE FROM recovery_code WHERE user_id = $1")
        .bind(&admin.user_id)
        .execute(&mut *tx)
        .await
        .context("failed to remove the recovery codes")?;
    sqlx::query("DELETE FROM user_totp WHERE user_id = $1")
        .bind(&admin.user_id)
        .execute(&mut *tx)
        .await
        .context("failed to remove the authenticator")?;
    audit_change(
        &mut tx,
        &admin,
        "user.two_step_disabled",
        "authenticator and recovery codes removed",
    )
    .await?;
    tx.commit().await.context("failed to commit")?;
    tracing::info!(user_id = %admin.user_id, "two-step sign-in switched off");
    Ok(())
}

/// The account's password, counted like a wrong current password on the
/// profile page.
async fn check_password(st: &AppState, user_id: &str, password: String) -> Result<(), AppError> {
    if password.len() > validate::PASSWORD_MAX_BYTES
        || password.chars().count() > validate::PASSWORD_MAX_CHARS
    {
        return Err(AppError::field(
            "current_password",
            crate::i18n::request_locale().t("two-step-password-wrong"),
        ));
    }
    abuse::check_failures(st, Scope::PasswordChange, user_id).await?;
    let hash: Option<String> = sqlx::query("SELECT password_hash FROM app_user WHERE user_id = $1")
        .bind(user_id)
        .fetch_one(st.db.pool())
        .await
        .context("failed to load the account")?
        .opt_text("password_hash")?;
    if !st.hasher.verify(password, hash).await? {
        abuse::record(st, Scope::PasswordChange, user_id).await?;
        return Err(AppError::field(
            "current_password",
            crate::i18n::request_locale().t("two-step-password-wrong"),
        ));
    }
    Ok(())
}

//! Server half of account administration.
//!
//! Locks are taken in one order everywhere, so two of these transactions
//! never wait on each other in a cycle on PostgreSQL: a set-password link,
//! then the organization row, then user rows.

use sqlx::any::AnyRow;

use super::{AdminRow, OrgPerson, OrganizationDetail, REASON_MAX};
use crate::auth::server::{insert_invited_user, issue_password_link};
use crate::auth::Role;
use crate::error::AppError;
use crate::i18n::{request_locale, Locale};
use crate::server::abuse::{self, Scope};
use crate::server::audit::{self, Entry};
use crate::server::auth::{require_admin, AdminSession};
use crate::server::db::{RowExt, Tx};
use crate::server::mail::{self, Mail};
use crate::server::{normalize, now_ms, state, AppState, Db, DbContext};
use crate::validate::Email;

fn organization_not_found() -> AppError {
    AppError::NotFound(request_locale().t("accounts-error-no-organization"))
}

fn admin_not_found() -> AppError {
    AppError::NotFound(request_locale().t("accounts-error-no-admin"))
}

/// The language an organization applied in: the one its Customer admin
/// chose on the public pages, and the best we know for anyone mailed about
/// the organization (users have no language setting of their own). `None`
/// for an organization without an application (not made by approval).
pub(crate) async fn organization_locale(
    executor: impl sqlx::Executor<'_, Database = sqlx::Any>,
    organization_id: &str,
) -> Result<Option<Locale>, AppError> {
    let code: Option<String> = sqlx::query_scalar(
        "SELECT a.locale FROM organization o JOIN application a ON a.application_id = o.application_id
         WHERE o.organization_id = $1",
    )
    .bind(organization_id)
    .fetch_optional(executor)
    .await
    .context("failed to look up the organization's language")?;
    Ok(code.and_then(|c| Locale::from_code(&c)))
}

/// The language of a mail about an organization: the organization's (see
/// [`organization_locale`]), else the request's.
async fn mail_locale(tx: &mut Tx, organization_id: &str) -> Result<Locale, AppError> {
    Ok(organization_locale(&mut **tx, organization_id)
        .await?
        .unwrap_or_else(request_locale))
}

/// The organization's row, locked on PostgreSQL until `tx` ends.
async fn lock_organization(db: &Db, tx: &mut Tx, id: &str) -> Result<AnyRow, AppError> {
    sqlx::query(&format!(
        "SELECT organization_id, legal_name, status FROM organization WHERE organization_id = $1{}",
        db.for_update()
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to load the organization")?
    .ok_or_else(organization_not_found)
}

/// The organization's Customer admin and the person invited to take over,
/// if any. The admin is the active person, or, while nobody has set a
/// password yet, the first one invited; anyone else not deactivated is the
/// pending handover.
async fn people(
    executor: impl sqlx::Executor<'_, Database = sqlx::Any>,
    organization_id: &str,
) -> Result<(Option<OrgPerson>, Option<OrgPerson>), AppError> {
    let rows = sqlx::query(
        "SELECT u.user_id, u.email, u.status, u.created_at,
            (SELECT MAX(t.expires_at) FROM user_token t WHERE t.user_id = u.user_id AND t.used_at IS NULL) AS invitation_expires_at
         FROM app_user u WHERE u.organization_id = $1 AND u.status <> 'deactivated'
         ORDER BY CASE WHEN u.status = 'active' THEN 0 ELSE 1 END, u.created_at, u.user_id",
    )
    .bind(organization_id)
    .fetch_all(executor)
    .await
    .context("failed to load the organization's admins")?;
    let mut people = Vec::with_capacity(rows.len());
    for row in rows {
        let status = row.text("status")?;
        people.push(OrgPerson {
            user_id: row.text("user_id")?,
            email: row.text("email")?,
            // An active admin's unused link is a password reset, not an
            // invitation.
            invitation_expires_at: if status == "invited" {
                row.opt_int("invitation_expires_at")?
            } else {
                None
            },
            status,
            created_at: row.int("created_at")?,
        });
    }
    let mut people = people.into_iter();
    Ok((people.next(), people.next()))
}

pub async fn organization(id: &str) -> Result<OrganizationDetail, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    let row = sqlx::query(
        "SELECT organization_id, application_id, legal_name, country, city, contact_email, status,
                status_reason, status_changed_at, created_at
         FROM organization WHERE organization_id = $1",
    )
    .bind(id)
    .fetch_optional(st.db.pool())
    .await
    .context("failed to load the organization")?
    .ok_or_else(organization_not_found)?;
    let (admin, pending) = people(st.db.pool(), id).await?;
    Ok(OrganizationDetail {
        organization_id: row.text("organization_id")?,
        application_id: row.text("application_id")?,
        legal_name: row.text("legal_name")?,
        country: row.text("country")?,
        city: row.text("city")?,
        contact_email: row.text("contact_email")?,
        status: row.text("status")?,
        status_reason: row.opt_text("status_reason")?,
        status_changed_at: row.opt_int("status_changed_at")?,
        created_at: row.int("created_at")?,
        admin,
        pending,
    })
}

fn suspension_reason(reason: &str) -> Result<String, AppError> {
    let reason = reason.trim();
    let l = request_locale();
    if reason.is_empty() {
        return Err(AppError::field(
            "reason",
            l.t("accounts-error-reason-required"),
        ));
    }
    if reason.chars().count() > REASON_MAX {
        return Err(AppError::field(
            "reason",
            l.t_args("accounts-error-reason-long", &[("max", REASON_MAX.into())]),
        ));
    }
    Ok(reason.to_string())
}

pub async fn suspend(id: &str, reason: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let reason = suspension_reason(reason)?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let org = lock_organization(&st.db, &mut tx, id).await?;
    if org.text("status")? == "suspended" {
        return Err(AppError::Conflict(
            request_locale().t("accounts-error-already-suspended"),
        ));
    }
    let legal_name = org.text("legal_name")?;
    let now = now_ms();
    sqlx::query(
        "UPDATE organization SET status = 'suspended', status_reason = $2, status_changed_at = $3, updated_at = $3
         WHERE organization_id = $1",
    )
    .bind(id)
    .bind(&reason)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to suspend the organization")?;
    // Sessions are refused while the organization is suspended anyway; the
    // new epoch keeps them from coming back after a reactivation.
    sqlx::query(
        "UPDATE app_user SET session_epoch = session_epoch + 1, updated_at = $2 WHERE organization_id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to end the organization's sessions")?;
    if let (Some(person), _) = people(&mut *tx, id).await? {
        let locale = mail_locale(&mut tx, id).await?;
        mail::enqueue(
            &mut tx,
            Mail {
                to: &person.email,
                subject: &locale.t("accounts-mail-suspended-subject"),
                body: &locale.t_args(
                    "accounts-mail-suspended-body",
                    &[
                        ("org", legal_name.as_str().into()),
                        ("reason", reason.as_str().into()),
                        ("link", format!("{}/contact", st.settings.base_url()).into()),
                    ],
                ),
                kind: "organization_suspended",
            },
        )
        .await?;
    }
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "organization.suspended",
            subject_kind: "organization",
            subject_id: id,
            organization_id: Some(id),
            detail: &reason,
        },
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the suspension")?;
    tracing::info!(organization_id = %id, "organization suspended");
    Ok(())
}

pub async fn reactivate(id: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let org = lock_organization(&st.db, &mut tx, id).await?;
    if org.text("status")? == "active" {
        return Err(AppError::Conflict(
            request_locale().t("accounts-error-already-active"),
        ));
    }
    let legal_name = org.text("legal_name")?;
    let now = now_ms();
    sqlx::query(
        "UPDATE organization SET status = 'active', status_reason = NULL, status_changed_at = $2, updated_at = $2
         WHERE organization_id = $1",
    )
    .bind(id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to reactivate the organization")?;
    if let (Some(person), _) = people(&mut *tx, id).await? {
        let locale = mail_locale(&mut tx, id).await?;
        mail::enqueue(
            &mut tx,
            Mail {
                to: &person.email,
                subject: &locale.t("accounts-mail-reactivated-subject"),
                body: &locale.t_args(
                    "accounts-mail-reactivated-body",
                    &[
                        ("org", legal_name.as_str().into()),
                        ("link", format!("{}/sign-in", st.settings.base_url()).into()),
                    ],
                ),
                kind: "organization_reactivated",
            },
        )
        .await?;
    }
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "organization.reactivated",
            subject_kind: "organization",
            subject_id: id,
            organization_id: Some(id),
            detail: "",
        },
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the reactivation")?;
    tracing::info!(organization_id = %id, "organization reactivated");
    Ok(())
}

fn parse_email(email: &str) -> Result<Email, AppError> {
    Email::parse(email).map_err(|m| AppError::field("email", m))
}

/// Refuses an address that already has an account, saying whose when it is
/// someone the caller would recognize.
async fn check_email_free(tx: &mut Tx, email: &Email) -> Result<(), AppError> {
    let taken = sqlx::query("SELECT role, status FROM app_user WHERE email_normalized = $1")
        .bind(normalize::email(email.as_str()))
        .fetch_optional(&mut **tx)
        .await
        .context("failed to look up the email")?;
    match taken {
        None => Ok(()),
        Some(row) => {
            // One sentence per case, so each language words it whole.
            let key = match (row.text("role")?.as_str(), row.text("status")?.as_str()) {
                (_, "deactivated") => "accounts-error-email-deactivated",
                ("system_admin", _) => "accounts-error-email-admin",
                _ => "accounts-error-email-customer",
            };
            Err(AppError::Conflict(
                request_locale().t_args(key, &[("email", email.as_str().into())]),
            ))
        }
    }
}

pub async fn start_handover(id: &str, email: &str) -> Result<String, AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    abuse::check_count(&st, Scope::Invitation, &admin.user_id).await?;
    let email = parse_email(email)?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let org = lock_organization(&st.db, &mut tx, id).await?;
    let legal_name = org.text("legal_name")?;
    let (current, pending) = people(&mut *tx, id).await?;
    if let Some(pending) = pending {
        return Err(AppError::Conflict(request_locale().t_args(
            "accounts-error-handover-pending",
            &[("email", pending.email.into())],
        )));
    }
    check_email_free(&mut tx, &email).await?;
    let user_id = insert_invited_user(&mut tx, &email, Role::CustomerAdmin, Some(id)).await?;
    let (token, expires_at) =
        issue_password_link(&mut tx, &user_id, st.settings.invitation_ttl_hours).await?;
    let link = format!("{}/set-password/{}", st.settings.base_url(), token.expose());
    let address = email.as_str();
    // The invitee's own language is unknown; they join the organization, so
    // its language is the best guess (see `mail_locale`).
    let locale = mail_locale(&mut tx, id).await?;
    mail::enqueue(
        &mut tx,
        Mail {
            to: address,
            subject: &locale.t_args(
                "accounts-mail-handover-subject",
                &[("org", legal_name.as_str().into())],
            ),
            body: &locale.t_args(
                "accounts-mail-handover-body",
                &[
                    ("org", legal_name.as_str().into()),
                    ("email", address.into()),
                    ("link", link.as_str().into()),
                    ("until", crate::format::time_in(locale, expires_at).into()),
                ],
            ),
            kind: "invitation",
        },
    )
    .await?;
    let from = current.map_or_else(|| "nobody".to_string(), |p| p.email);
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "organization.handover_started",
            subject_kind: "user",
            subject_id: &user_id,
            organization_id: Some(id),
            detail: &format!("{address} invited to take over the Customer admin role from {from}"),
        },
    )
    .await?;
    abuse::record_in(&st, &mut tx, Scope::Invitation, &admin.user_id).await?;
    tx.commit().await.context("failed to commit the handover")?;
    tracing::info!(organization_id = %id, user_id = %user_id, "Customer admin handover started");
    Ok(user_id)
}

pub async fn cancel_handover(id: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let exists: Option<String> =
        sqlx::query_scalar("SELECT organization_id FROM organization WHERE organization_id = $1")
            .bind(id)
            .fetch_optional(st.db.pool())
            .await
            .context("failed to load the organization")?;
    exists.ok_or_else(organization_not_found)?;
    let no_handover = || AppError::Conflict(request_locale().t("accounts-error-no-handover"));
    let (_, pending) = people(st.db.pool(), id).await?;
    let pending = pending.ok_or_else(no_handover)?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    // The invitee's link first, as set_password locks it: an invitee setting
    // their password right now either finishes first (and the handover is
    // no longer pending below) or finds the link gone.
    sqlx::query(&format!(
        "SELECT token_hash FROM user_token WHERE user_id = $1{}",
        st.db.for_update()
    ))
    .bind(&pending.user_id)
    .fetch_all(&mut *tx)
    .await
    .context("failed to lock the invitation")?;
    let org = lock_organization(&st.db, &mut tx, id).await?;
    let (_, still_pending) = people(&mut *tx, id).await?;
    if still_pending.map(|p| p.user_id).as_deref() != Some(pending.user_id.as_str()) {
        return Err(no_handover());
    }
    sqlx::query("DELETE FROM user_token WHERE user_id = $1")
        .bind(&pending.user_id)
        .execute(&mut *tx)
        .await
        .context("failed to revoke the invitation")?;
    // The invitee never signed in, so nothing refers to the row; removing it
    // frees the address for a later invitation.
    sqlx::query("DELETE FROM app_user WHERE user_id = $1 AND status = 'invited'")
        .bind(&pending.user_id)
        .execute(&mut *tx)
        .await
        .context("failed to remove the invitee")?;
    let legal_name = org.text("legal_name")?;
    // As for the invitation itself: the organization's language.
    let locale = mail_locale(&mut tx, id).await?;
    mail::enqueue(
        &mut tx,
        Mail {
            to: &pending.email,
            subject: &locale.t("accounts-mail-handover-withdrawn-subject"),
            body: &locale.t_args(
                "accounts-mail-handover-withdrawn-body",
                &[("org", legal_name.as_str().into())],
            ),
            kind: "invitation_withdrawn",
        },
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "organization.handover_cancelled",
            subject_kind: "user",
            subject_id: &pending.user_id,
            organization_id: Some(id),
            detail: &format!("invitation to {} withdrawn", pending.email),
        },
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the cancellation")?;
    Ok(())
}

/// Called by set_password inside its transaction, before the user becomes
/// active. When an invited Customer admin joins an organization that
/// already has an admin invited or active before them, those earlier people
/// are deactivated and signed out in the same transaction: the organization
/// never has two active admins, and never none. People invited after this
/// user (a newer pending handover) stay invited.
pub async fn complete_handover(db: &Db, tx: &mut Tx, user_id: &str) -> Result<(), AppError> {
    let user = sqlx::query(
        "SELECT role, status, organization_id, email, created_at FROM app_user WHERE user_id = $1",
    )
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to load the user")?;
    let Some(user) = user else {
        return Ok(());
    };
    let (Some(organization_id), "customer_admin", "invited") = (
        user.opt_text("organization_id")?,
        user.text("role")?.as_str(),
        user.text("status")?.as_str(),
    ) else {
        return Ok(());
    };
    let org = lock_organization(db, tx, &organization_id).await?;
    // Read again now that the organization is locked: a concurrent handover
    // may have retired this invitee while we waited.
    let status: Option<String> =
        sqlx::query_scalar("SELECT status FROM app_user WHERE user_id = $1")
            .bind(user_id)
            .fetch_optional(&mut **tx)
            .await
            .context("failed to reload the user")?;
    if status.as_deref() != Some("invited") {
        return Err(AppError::Gone(
            request_locale().t("accounts-error-invitation-gone"),
        ));
    }
    let created_at = user.int("created_at")?;
    let earlier = sqlx::query(
        "SELECT user_id, email, status FROM app_user
         WHERE organization_id = $1 AND status <> 'deactivated' AND user_id <> $2
           AND (created_at < $3 OR (created_at = $3 AND user_id < $2))",
    )
    .bind(&organization_id)
    .bind(user_id)
    .bind(created_at)
    .fetch_all(&mut **tx)
    .await
    .context("failed to load the previous admin")?;
    let new_email = user.text("email")?;
    let legal_name = org.text("legal_name")?;
    let now = now_ms();
    for previous in earlier {
        let previous_id = previous.text("user_id")?;
        let previous_email = previous.text("email")?;
        sqlx::query(
            "UPDATE app_user SET status = 'deactivated', session_epoch = session_epoch + 1, updated_at = $2
             WHERE user_id = $1",
        )
        .bind(&previous_id)
        .bind(now)
        .execute(&mut **tx)
        .await
        .context("failed to deactivate the previous admin")?;
        if previous.text("status")? == "active" {
            // The previous admin's language is the organization's (the
            // request is the new admin's, who may read another).
            let locale = mail_locale(tx, &organization_id).await?;
            mail::enqueue(
                tx,
                Mail {
                    to: &previous_email,
                    subject: &locale.t_args(
                        "accounts-mail-handed-over-subject",
                        &[("org", legal_name.as_str().into())],
                    ),
                    body: &locale.t_args(
                        "accounts-mail-handed-over-body",
                        &[
                            ("org", legal_name.as_str().into()),
                            ("email", new_email.as_str().into()),
                        ],
                    ),
                    kind: "admin_handover",
                },
            )
            .await?;
        }
        audit::record(
            tx,
            Entry {
                actor_user_id: Some(user_id),
                actor_label: &new_email,
                action: "organization.handover_completed",
                subject_kind: "user",
                subject_id: &previous_id,
                organization_id: Some(&organization_id),
                detail: &format!(
                    "{new_email} took over the Customer admin role; {previous_email} deactivated and signed out"
                ),
            },
        )
        .await?;
    }
    Ok(())
}

pub async fn admins() -> Result<Vec<AdminRow>, AppError> {
    let st = state()?;
    let me = require_admin(&st).await?;
    let rows = sqlx::query(
        "SELECT u.user_id, u.email, u.status, u.created_at, u.updated_at,
            (SELECT MAX(t.expires_at) FROM user_token t WHERE t.user_id = u.user_id AND t.used_at IS NULL) AS invitation_expires_at
         FROM app_user u WHERE u.role = 'system_admin'
         ORDER BY CASE u.status WHEN 'active' THEN 0 WHEN 'invited' THEN 1 ELSE 2 END, u.email_normalized",
    )
    .fetch_all(st.db.pool())
    .await
    .context("failed to list the administrators")?;
    let mut out = Vec::with_capacity(rows.len());
    for row in rows {
        let user_id = row.text("user_id")?;
        let status = row.text("status")?;
        out.push(AdminRow {
            is_me: user_id == me.user_id,
            invitation_expires_at: if status == "invited" {
                row.opt_int("invitation_expires_at")?
            } else {
                None
            },
            user_id,
            email: row.text("email")?,
            status,
            created_at: row.int("created_at")?,
            updated_at: row.int("updated_at")?,
        });
    }
    Ok(out)
}

pub async fn invite_admin(email: &str) -> Result<String, AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    abuse::check_count(&st, Scope::Invitation, &admin.user_id).await?;
    let email = parse_email(email)?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    check_email_free(&mut tx, &email).await?;
    let user_id = insert_invited_user(&mut tx, &email, Role::SystemAdmin, None).await?;
    let (token, expires_at) =
        issue_password_link(&mut tx, &user_id, st.settings.invitation_ttl_hours).await?;
    let link = format!("{}/set-password/{}", st.settings.base_url(), token.expose());
    let address = email.as_str();
    // A new administrator has no language on record yet: the inviting
    // colleague's request language is the best guess (the operator's staff
    // usually share one).
    let locale = request_locale();
    mail::enqueue(
        &mut tx,
        Mail {
            to: address,
            subject: &locale.t("accounts-mail-admin-invite-subject"),
            body: &locale.t_args(
                "accounts-mail-admin-invite-body",
                &[
                    ("inviter", admin.email.as_str().into()),
                    ("email", address.into()),
                    ("link", link.as_str().into()),
                    ("until", crate::format::time_in(locale, expires_at).into()),
                ],
            ),
            kind: "invitation",
        },
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "user.invited",
            subject_kind: "user",
            subject_id: &user_id,
            organization_id: None,
            detail: &format!("system administrator {address} invited"),
        },
    )
    .await?;
    abuse::record_in(&st, &mut tx, Scope::Invitation, &admin.user_id).await?;
    tx.commit()
        .await
        .context("failed to commit the invitation")?;
    Ok(user_id)
}

/// The system administrator `user_id`, locked for the rest of `tx`.
async fn lock_admin(st: &AppState, tx: &mut Tx, user_id: &str) -> Result<AnyRow, AppError> {
    sqlx::query(&format!(
        "SELECT email, status, password_hash FROM app_user WHERE user_id = $1 AND role = 'system_admin'{}",
        st.db.for_update()
    ))
    .bind(user_id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to load the administrator")?
    .ok_or_else(admin_not_found)
}

async fn record_admin_change(
    tx: &mut Tx,
    admin: &AdminSession,
    action: &str,
    user_id: &str,
    detail: &str,
) -> Result<(), AppError> {
    audit::record(
        tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action,
            subject_kind: "user",
            subject_id: user_id,
            organization_id: None,
            detail,
        },
    )
    .await
}

pub async fn deactivate_admin(user_id: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    if user_id == admin.user_id {
        return Err(AppError::Conflict(
            request_locale().t("accounts-error-deactivate-self"),
        ));
    }
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    // Every active administrator, locked in one order: two administrators
    // deactivating each other at the same moment serialize here, and the
    // second finds itself deactivated instead of leaving nobody.
    let active: Vec<String> = sqlx::query_scalar(&format!(
        "SELECT user_id FROM app_user WHERE role = 'system_admin' AND status = 'active' ORDER BY user_id{}",
        st.db.for_update()
    ))
    .fetch_all(&mut *tx)
    .await
    .context("failed to lock the administrators")?;
    let target = lock_admin(&st, &mut tx, user_id).await?;
    if !active.contains(&admin.user_id) {
        return Err(AppError::Unauthorized);
    }
    if target.text("status")? == "deactivated" {
        return Err(AppError::Conflict(
            request_locale().t("accounts-error-already-deactivated"),
        ));
    }
    if !active.iter().any(|id| id != user_id) {
        return Err(AppError::Conflict(
            request_locale().t("accounts-error-last-admin"),
        ));
    }
    sqlx::query(
        "UPDATE app_user SET status = 'deactivated', session_epoch = session_epoch + 1, updated_at = $2
         WHERE user_id = $1",
    )
    .bind(user_id)
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("failed to deactivate the administrator")?;
    let email = target.text("email")?;
    record_admin_change(
        &mut tx,
        &admin,
        "user.deactivated",
        user_id,
        &format!("system administrator {email} deactivated and signed out"),
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the deactivation")?;
    tracing::info!(user_id = %user_id, "system administrator deactivated");
    Ok(())
}

pub async fn reactivate_admin(user_id: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let target = lock_admin(&st, &mut tx, user_id).await?;
    if target.text("status")? != "deactivated" {
        return Err(AppError::Conflict(
            request_locale().t("accounts-error-not-deactivated"),
        ));
    }
    // Someone who never set a password is invited again (an invitation can
    // then be re-sent); anyone else can sign in with their old password.
    let status = if target.opt_text("password_hash")?.is_some() {
        "active"
    } else {
        "invited"
    };
    sqlx::query("UPDATE app_user SET status = $2, updated_at = $3 WHERE user_id = $1")
        .bind(user_id)
        .bind(status)
        .bind(now_ms())
        .execute(&mut *tx)
        .await
        .context("failed to reactivate the administrator")?;
    let email = target.text("email")?;
    record_admin_change(
        &mut tx,
        &admin,
        "user.reactivated",
        user_id,
        &format!("system administrator {email} reactivated ({status})"),
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the reactivation")?;
    Ok(())
}

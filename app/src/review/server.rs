//! Queue queries and reviewer decisions.
//!
//! Every decision runs in one write transaction that first re-reads the
//! application (row-locked on PostgreSQL, under the write lock on SQLite), so
//! concurrent reviewers see each other's result instead of overwriting it.

use super::{
    ApplicationDetail, Approved, CustomerAccount, DuplicateHint, QueuePageData, QueueRow,
    QueueSummary, PAGE_SIZE,
};
use crate::applications::server::{
    add_event, applicant_locale, notify_applicant, row_to_input, split_fields, status_of, timeline,
};
use crate::applications::{Status, FIELDS};
use crate::auth::server::issue_password_link;
use crate::error::{AppError, FieldErrors};
use crate::i18n::{request_locale, Locale};
use crate::server::abuse::{self, Scope};
use crate::server::audit::{self, Entry};
use crate::server::auth::{require_admin, AdminSession};
use crate::server::db::{Backend, RowExt, Tx};
use crate::server::mail::{self, Mail};
use crate::server::{is_unique_violation, new_id, normalize, now_ms, state, AppState, DbContext};
use crate::validate::{self, Email};

/// A message of the shared text validators ("Reason is required.") in `l`,
/// naming the field by `label_key`. The validators write their sentences in
/// the request's language but name the field by the label they were given,
/// `english`; in an English message of a known shape the sentence is rebuilt
/// here, and in any other the label is swapped for its translation.
pub(crate) fn text_error(l: Locale, message: &str, english: &str, label_key: &str) -> String {
    let Some(rest) = message.strip_prefix(english) else {
        return message.replacen(english, &l.t(label_key), 1);
    };
    let label = || l.t(label_key);
    match rest {
        " is required." => return l.t_args("validate-required", &[("label", label().into())]),
        " contains characters that are not allowed." => {
            return l.t_args("validate-chars", &[("label", label().into())])
        }
        _ => {}
    }
    for (middle, key, arg) in [
        (" must be at least ", "validate-min", "min"),
        (" must be at most ", "validate-max", "max"),
    ] {
        let count = rest
            .strip_prefix(middle)
            .and_then(|r| r.strip_suffix(" characters."))
            .and_then(|n| n.parse::<i64>().ok());
        if let Some(count) = count {
            return l.t_args(key, &[("label", label().into()), (arg, count.into())]);
        }
    }
    message.replacen(english, &label(), 1)
}

pub async fn counts() -> Result<QueueSummary, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    // Kept by triggers (see `server::db`): counting the rows themselves
    // read the whole status index on every view of the queue.
    let rows = sqlx::query("SELECT status, n FROM application_status_count")
        .fetch_all(st.db.pool())
        .await
        .context("failed to count applications")?;
    let mut counts: Vec<(Status, i64)> = Status::ALL.iter().map(|s| (*s, 0)).collect();
    for row in rows {
        if let Some(status) = Status::parse(&row.text("status")?) {
            if let Some(slot) = counts.iter_mut().find(|(s, _)| *s == status) {
                slot.1 = row.int("n")?;
            }
        }
    }
    let changed_at: Option<i64> = sqlx::query_scalar("SELECT MAX(updated_at) FROM application")
        .fetch_one(st.db.pool())
        .await
        .context("failed to read the queue's last change")?;
    Ok(QueueSummary {
        counts,
        changed_at: changed_at.unwrap_or(0),
    })
}

/// The FTS5 query that finds each column's term anywhere in that column
/// (see `server::db` for the trigram index behind it), or `None` when a
/// term is shorter than the three characters a trigram needs; the caller
/// then scans with LIKE, which short, common terms end early anyway.
fn trigram_match(terms: &[(&str, &str, &str, &String)]) -> Option<String> {
    let mut any = Vec::new();
    for (fts_column, _, term, _) in terms {
        match term.chars().count() {
            0 => {}
            1 | 2 => return None,
            // Inside double quotes every character is literal except the
            // quote itself, which is doubled.
            _ => any.push(format!("{fts_column} : \"{}\"", term.replace('"', "\"\""))),
        }
    }
    (!any.is_empty()).then(|| any.join(" OR "))
}

/// The LIKE pattern for a search term, or empty when there is nothing to
/// search for.
fn contains_pattern(value: &str) -> String {
    if value.is_empty() {
        String::new()
    } else {
        crate::server::db::contains_pattern(value)
    }
}

fn bad_cursor() -> AppError {
    AppError::BadRequest(request_locale().t("queue-error-cursor"))
}

fn parse_cursor(after: &str) -> Result<(i64, String), AppError> {
    if after.is_empty() {
        return Ok((i64::MIN, String::new()));
    }
    let (at, id) = after.split_once('_').ok_or_else(bad_cursor)?;
    let at = at.parse().map_err(|_| bad_cursor())?;
    Ok((at, id.to_string()))
}

/// Whether another record looks like the same organization or person. Final
/// applications are not flagged: the decision is already made.
const DUPLICATE_FLAG: &str = "CASE WHEN a.status IN ('approved', 'rejected', 'withdrawn') THEN 0
    WHEN EXISTS (SELECT 1 FROM application b WHERE b.country = a.country
        AND b.registration_id_normalized = a.registration_id_normalized AND b.application_id <> a.application_id)
    OR EXISTS (SELECT 1 FROM application b WHERE b.name_normalized = a.name_normalized
        AND b.application_id <> a.application_id)
    OR EXISTS (SELECT 1 FROM application b WHERE b.contact_email_normalized = a.contact_email_normalized
        AND b.application_id <> a.application_id AND b.status NOT IN ('approved', 'rejected', 'withdrawn'))
    OR EXISTS (SELECT 1 FROM app_user x WHERE x.email_normalized = a.contact_email_normalized)
    OR EXISTS (SELECT 1 FROM organization o WHERE o.name_normalized = a.name_normalized)
    THEN 1 ELSE 0 END";

pub async fn list(status: &str, q: &str, after: &str) -> Result<QueuePageData, AppError> {
    let st = state()?;
    require_admin(&st).await?;
    if !status.is_empty() && Status::parse(status).is_none() {
        return Err(AppError::BadRequest(
            request_locale().t_args("queue-error-status", &[("status", status.into())]),
        ));
    }
    if q.chars().count() > 200 {
        return Err(AppError::field(
            "q",
            request_locale().t_args("queue-error-search-long", &[("max", 200i64.into())]),
        ));
    }
    let (after_at, after_id) = parse_cursor(after)?;
    let q = q.trim();
    let name_term = normalize::organization_name(q);
    let registration_term = normalize::registration_id(q);
    let email_term = normalize::email(q);
    let name = contains_pattern(&name_term);
    let registration = contains_pattern(&registration_term);
    let email = contains_pattern(&email_term);
    let searching = !q.is_empty();

    // Only the conditions in use go into the SQL, so the planner can walk
    // the (status, created_at, id) or (created_at, id) index in order and
    // stop after one page.
    let mut conditions = vec!["(a.created_at, a.application_id) > ($1, $2)".to_string()];
    let mut texts: Vec<&str> = Vec::new();
    if !status.is_empty() {
        texts.push(status);
        conditions.push(format!("a.status = ${}", texts.len() + 2));
    }
    let terms = [
        ("name", "a.name_normalized", name_term.as_str(), &name),
        (
            "registration",
            "a.registration_id_normalized",
            registration_term.as_str(),
            &registration,
        ),
        (
            "email",
            "a.contact_email_normalized",
            email_term.as_str(),
            &email,
        ),
    ];
    let trigram_match = (searching && st.db.backend() == Backend::Sqlite)
        .then(|| trigram_match(&terms))
        .flatten();
    if let Some(expression) = &trigram_match {
        texts.push(expression);
        conditions.push(format!(
            "a.application_id IN (SELECT application_id FROM application_search
                WHERE application_search MATCH ${})",
            texts.len() + 2
        ));
    } else if searching {
        let mut any = Vec::new();
        for (_, column, _, pattern) in terms {
            if !pattern.is_empty() {
                texts.push(pattern);
                any.push(format!("{column} LIKE ${} ESCAPE '\\'", texts.len() + 2));
            }
        }
        if any.is_empty() {
            // Nothing searchable left after normalization (only punctuation).
            return Ok(QueuePageData {
                rows: Vec::new(),
                next: None,
            });
        }
        conditions.push(format!("({})", any.join(" OR ")));
    }
    let sql = format!(
        "SELECT a.application_id, a.legal_name, a.country, a.registration_id, a.contact_email, a.status,
                a.created_at, u.email AS claimed_by, {DUPLICATE_FLAG} AS possible_duplicate
         FROM application a LEFT JOIN app_user u ON u.user_id = a.claimed_by
         WHERE {}
         ORDER BY a.created_at, a.application_id
         LIMIT {}",
        conditions.join(" AND "),
        PAGE_SIZE + 1
    );
    let mut query = sqlx::query(&sql).bind(after_at).bind(&after_id);
    for text in texts {
        query = query.bind(text);
    }
    let rows = query
        .fetch_all(st.db.pool())
        .await
        .context("failed to list applications")?;

    let zone = crate::server::tz::for_organization(&st, None).await?;
    let mut out = Vec::with_capacity(rows.len().min(PAGE_SIZE));
    for row in rows.iter().take(PAGE_SIZE) {
        out.push(QueueRow {
            submitted: crate::server::tz::stamp(row.int("created_at")?, &zone),
            application_id: row.text("application_id")?,
            legal_name: row.text("legal_name")?,
            country: row.text("country")?,
            registration_id: row.text("registration_id")?,
            contact_email: row.text("contact_email")?,
            status: status_of(row)?,
            created_at: row.int("created_at")?,
            claimed_by: row.opt_text("claimed_by")?,
            possible_duplicate: row.int("possible_duplicate")? != 0,
        });
    }
    let next = if rows.len() > PAGE_SIZE {
        out.last()
            .map(|r| format!("{}_{}", r.created_at, r.application_id))
    } else {
        None
    };
    Ok(QueuePageData { rows: out, next })
}

const DETAIL_COLUMNS: &str =
    "a.application_id, a.status, a.legal_name, a.name_normalized, a.registration_id,
    a.registration_id_normalized, a.country, a.street_address, a.postal_code, a.city, a.website,
    a.contact_name, a.contact_email, a.contact_email_normalized, a.phone, a.org_type, a.org_size,
    a.intended_use, a.claimed_by, a.info_request_message, a.info_request_fields, a.rejection_reason,
    a.organization_id, a.created_at, a.terms_version, a.terms_accepted_at, a.purged_at, a.locale";

fn not_found() -> AppError {
    AppError::NotFound(request_locale().t("review-error-not-found"))
}

pub async fn get(id: &str) -> Result<ApplicationDetail, AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let pool = st.db.pool();
    let row = sqlx::query(&format!(
        "SELECT {DETAIL_COLUMNS}, u.email AS claimed_by_email
         FROM application a LEFT JOIN app_user u ON u.user_id = a.claimed_by
         WHERE a.application_id = $1"
    ))
    .bind(id)
    .fetch_optional(pool)
    .await
    .context("failed to load the application")?
    .ok_or_else(not_found)?;
    let status = status_of(&row)?;

    let duplicates = if status.is_final() {
        Vec::new()
    } else {
        duplicates_of(&st, &row).await?
    };
    let account = match row.opt_text("organization_id")? {
        Some(organization_id) => account_of(&st, &organization_id).await?,
        None => None,
    };
    let info_request = match (status, row.opt_text("info_request_message")?) {
        (Status::InfoRequested, Some(message)) => Some((
            message,
            split_fields(&row.opt_text("info_request_fields")?.unwrap_or_default()),
        )),
        _ => None,
    };
    let claimed_by_id = row.opt_text("claimed_by")?;
    Ok(ApplicationDetail {
        application_id: row.text("application_id")?,
        status,
        values: row_to_input(&row)?,
        created_at: row.int("created_at")?,
        claimed_by: row.opt_text("claimed_by_email")?,
        claimed_by_me: claimed_by_id.as_deref() == Some(admin.user_id.as_str()),
        info_request,
        rejection_reason: row.opt_text("rejection_reason")?,
        timeline: timeline(pool, id, false).await?,
        duplicates,
        account,
        terms: match (
            row.opt_text("terms_version")?,
            row.opt_int("terms_accepted_at")?,
        ) {
            (Some(version), Some(at)) => Some((version, at)),
            _ => None,
        },
        purged_at: row.opt_int("purged_at")?,
    })
}

async fn duplicates_of(
    st: &AppState,
    row: &sqlx::any::AnyRow,
) -> Result<Vec<DuplicateHint>, AppError> {
    let pool = st.db.pool();
    let id = row.text("application_id")?;
    let mut hints = Vec::new();
    let l = request_locale();

    let checks = [
        (
            "review-duplicate-registration",
            "SELECT application_id, legal_name, status FROM application
             WHERE country = $2 AND registration_id_normalized = $3 AND application_id <> $1
             ORDER BY created_at, application_id",
            vec![
                row.text("country")?,
                row.text("registration_id_normalized")?,
            ],
        ),
        (
            "review-duplicate-name",
            "SELECT application_id, legal_name, status FROM application
             WHERE name_normalized = $2 AND application_id <> $1
             ORDER BY created_at, application_id",
            vec![row.text("name_normalized")?],
        ),
        (
            "review-duplicate-email",
            "SELECT application_id, legal_name, status FROM application
             WHERE contact_email_normalized = $2 AND application_id <> $1
               AND status NOT IN ('approved', 'rejected', 'withdrawn')
             ORDER BY created_at, application_id",
            vec![row.text("contact_email_normalized")?],
        ),
    ];
    for (reason, sql, args) in checks {
        let mut query = sqlx::query(sql).bind(&id);
        for arg in &args {
            query = query.bind(arg);
        }
        for other in query
            .fetch_all(pool)
            .await
            .context("failed to look for duplicates")?
        {
            let status = status_of(&other)?;
            hints.push(DuplicateHint {
                reason: l.t(reason),
                other: format!(
                    "{} ({})",
                    other.text("legal_name")?,
                    l.t(&format!("state-{}", status.code())).to_lowercase()
                ),
                link: Some(format!(
                    "/admin/applications/{}",
                    other.text("application_id")?
                )),
            });
        }
    }

    let users = sqlx::query("SELECT email, role FROM app_user WHERE email_normalized = $1")
        .bind(row.text("contact_email_normalized")?)
        .fetch_all(pool)
        .await
        .context("failed to look for existing users")?;
    for user in users {
        let role = if user.text("role")? == "system_admin" {
            l.t("review-duplicate-role-admin")
        } else {
            l.t("review-duplicate-role-customer")
        };
        hints.push(DuplicateHint {
            reason: l.t("review-duplicate-user"),
            other: format!("{} ({role})", user.text("email")?),
            link: None,
        });
    }
    let orgs = sqlx::query(
        "SELECT legal_name FROM organization WHERE name_normalized = $1
         ORDER BY created_at, organization_id",
    )
    .bind(row.text("name_normalized")?)
    .fetch_all(pool)
    .await
    .context("failed to look for existing organizations")?;
    for org in orgs {
        hints.push(DuplicateHint {
            reason: l.t("review-duplicate-organization"),
            other: org.text("legal_name")?,
            link: None,
        });
    }
    Ok(hints)
}

/// The organization's Customer admin; while a handover is pending, the one
/// who still holds the role (the active one, or the first invited).
async fn account_of(
    st: &AppState,
    organization_id: &str,
) -> Result<Option<CustomerAccount>, AppError> {
    let row = sqlx::query(
        "SELECT u.user_id, u.email, u.status,
            (SELECT MAX(t.expires_at) FROM user_token t WHERE t.user_id = u.user_id AND t.used_at IS NULL) AS invitation_expires_at
         FROM app_user u WHERE u.organization_id = $1 AND u.status <> 'deactivated'
         ORDER BY CASE WHEN u.status = 'active' THEN 0 ELSE 1 END, u.created_at, u.user_id LIMIT 1",
    )
    .bind(organization_id)
    .fetch_optional(st.db.pool())
    .await
    .context("failed to load the customer account")?;
    row.map(|row| {
        Ok(CustomerAccount {
            organization_id: organization_id.to_string(),
            user_id: row.text("user_id")?,
            email: row.text("email")?,
            user_status: row.text("status")?,
            invitation_expires_at: row.opt_int("invitation_expires_at")?,
        })
    })
    .transpose()
}

/// Re-reads the application inside `tx`, locked for the decision.
async fn lock_application(
    st: &AppState,
    tx: &mut Tx,
    id: &str,
) -> Result<sqlx::any::AnyRow, AppError> {
    sqlx::query(&format!(
        "SELECT {DETAIL_COLUMNS}, u.email AS claimed_by_email
         FROM application a LEFT JOIN app_user u ON u.user_id = a.claimed_by
         WHERE a.application_id = $1{}",
        st.db.for_update_of("a")
    ))
    .bind(id)
    .fetch_optional(&mut **tx)
    .await
    .context("failed to load the application")?
    .ok_or_else(not_found)
}

fn already(status: Status) -> AppError {
    // A whole sentence per status: Finnish inflects differently per word.
    AppError::Conflict(request_locale().t(&format!("review-error-already-{}", status.code())))
}

/// The rules every decision shares: the application is open, waiting for a
/// reviewer (not for the applicant), and claimed by the caller.
fn check_decidable(row: &sqlx::any::AnyRow, admin: &AdminSession) -> Result<(), AppError> {
    let status = status_of(row)?;
    if status.is_final() {
        return Err(already(status));
    }
    let claimed_by = row.opt_text("claimed_by")?;
    if claimed_by.as_deref() != Some(admin.user_id.as_str()) {
        return Err(match row.opt_text("claimed_by_email")? {
            Some(other) => AppError::Forbidden(
                request_locale().t_args("review-error-claimed-other", &[("who", other.into())]),
            ),
            None => AppError::Forbidden(request_locale().t("review-error-claim-first")),
        });
    }
    if status == Status::InfoRequested {
        return Err(AppError::Conflict(
            request_locale().t("review-error-waiting-applicant"),
        ));
    }
    Ok(())
}

pub async fn claim(id: &str, take_over: bool) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = lock_application(&st, &mut tx, id).await?;
    let status = status_of(&row)?;
    if status.is_final() {
        return Err(already(status));
    }
    let claimed_by = row.opt_text("claimed_by")?;
    let mine = claimed_by.as_deref() == Some(admin.user_id.as_str());
    let new_status = match status {
        Status::Submitted | Status::Resubmitted => Status::InReview,
        other => other,
    };
    if mine && new_status == status {
        return Ok(());
    }
    let previous = row.opt_text("claimed_by_email")?;
    if claimed_by.is_some() && !mine && !take_over {
        let l = request_locale();
        return Err(AppError::Conflict(match previous {
            Some(who) => l.t_args("review-error-already-claimed", &[("who", who.into())]),
            None => l.t("review-error-already-claimed-someone"),
        }));
    }
    let now = now_ms();
    sqlx::query(
        "UPDATE application SET claimed_by = $2, claimed_at = $3, status = $4, updated_at = $3
         WHERE application_id = $1",
    )
    .bind(id)
    .bind(&admin.user_id)
    .bind(now)
    .bind(new_status.code())
    .execute(&mut *tx)
    .await
    .context("failed to claim the application")?;

    let taken_over = claimed_by.is_some() && !mine;
    let (kind, action, detail) = if taken_over {
        let from = previous.unwrap_or_default();
        (
            "claim_taken_over",
            "application.claim_taken_over",
            format!("from {from}"),
        )
    } else {
        ("claimed", "application.claimed", String::new())
    };
    add_event(
        &mut tx,
        id,
        kind,
        Some(&admin.user_id),
        (!detail.is_empty()).then_some(detail.as_str()),
    )
    .await?;
    if new_status != status {
        notify_applicant(
            &mut tx,
            &row,
            "mail-in-review-subject",
            "mail-in-review-text",
            &[],
            "application_in_review",
        )
        .await?;
    }
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action,
            subject_kind: "application",
            subject_id: id,
            organization_id: None,
            detail: &detail,
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the claim")?;
    Ok(())
}

pub async fn request_info(id: &str, fields: &str, message: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let l = request_locale();
    let mut errors = FieldErrors::default();
    let fields = split_fields(fields);
    if fields.is_empty() {
        errors.push("fields", l.t("review-error-no-fields"));
    }
    if let Some(bad) = fields.iter().find(|f| !FIELDS.iter().any(|(n, _)| n == f)) {
        errors.push(
            "fields",
            l.t_args(
                "review-error-unknown-field",
                &[("field", bad.as_str().into())],
            ),
        );
    }
    let message = errors.check(
        "message",
        validate::message(message, "Message")
            .map_err(|m| text_error(l, &m, "Message", "review-label-message")),
    );
    let Some(message) = message.filter(|_| errors.is_empty()) else {
        return Err(AppError::Validation(errors));
    };

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = lock_application(&st, &mut tx, id).await?;
    check_decidable(&row, &admin)?;
    sqlx::query(
        "UPDATE application SET status = 'info_requested', info_request_message = $2,
            info_request_fields = $3, updated_at = $4 WHERE application_id = $1",
    )
    .bind(id)
    .bind(&message)
    .bind(fields.join(","))
    .bind(now_ms())
    .execute(&mut *tx)
    .await
    .context("failed to record the info request")?;
    add_event(
        &mut tx,
        id,
        "info_requested",
        Some(&admin.user_id),
        Some(&message),
    )
    .await?;
    let locale = applicant_locale(&row);
    let labels: Vec<String> = fields
        .iter()
        .map(|f| locale.t(&format!("field-{f}")))
        .collect();
    notify_applicant(
        &mut tx,
        &row,
        "mail-info-subject",
        "mail-info-text",
        &[
            ("message", message.clone().into()),
            ("fields", labels.join(", ").into()),
        ],
        "application_info_requested",
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "application.info_requested",
            subject_kind: "application",
            subject_id: id,
            organization_id: None,
            detail: &format!("fields: {}; message: {message}", fields.join(", ")),
        },
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the info request")?;
    Ok(())
}

pub async fn reject(id: &str, reason: &str) -> Result<(), AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let reason = validate::message(reason, "Reason").map_err(|m| {
        let m = text_error(request_locale(), &m, "Reason", "review-label-reason");
        AppError::field("reason", m)
    })?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = lock_application(&st, &mut tx, id).await?;
    check_decidable(&row, &admin)?;
    let now = now_ms();
    sqlx::query(
        "UPDATE application SET status = 'rejected', rejection_reason = $2, decided_by = $3,
            decided_at = $4, updated_at = $4 WHERE application_id = $1",
    )
    .bind(id)
    .bind(&reason)
    .bind(&admin.user_id)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to reject the application")?;
    add_event(&mut tx, id, "rejected", Some(&admin.user_id), Some(&reason)).await?;
    notify_applicant(
        &mut tx,
        &row,
        "mail-rejected-subject",
        "mail-rejected-text",
        &[("reason", reason.clone().into())],
        "application_rejected",
    )
    .await?;
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "application.rejected",
            subject_kind: "application",
            subject_id: id,
            organization_id: None,
            detail: &reason,
        },
    )
    .await?;
    tx.commit()
        .await
        .context("failed to commit the rejection")?;
    Ok(())
}

pub async fn approve(id: &str, admin_email: &str) -> Result<Approved, AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    let corrected = if admin_email.trim().is_empty() {
        None
    } else {
        Some(Email::parse(admin_email).map_err(|m| AppError::field("admin_email", m))?)
    };

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let row = lock_application(&st, &mut tx, id).await?;
    check_decidable(&row, &admin)?;
    let email = match corrected {
        Some(email) => email.as_str().to_string(),
        None => row.text("contact_email")?,
    };
    let organization_id = new_id();
    let user_id = new_id();
    let now = now_ms();
    let legal_name = row.text("legal_name")?;

    sqlx::query(
        "INSERT INTO organization (organization_id, application_id, legal_name, name_normalized,
            registration_id, registration_id_normalized, country, street_address, postal_code, city,
            website, contact_name, contact_email, phone, org_type, org_size, status, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, 'active', $17, $17)",
    )
    .bind(&organization_id)
    .bind(id)
    .bind(&legal_name)
    .bind(row.text("name_normalized")?)
    .bind(row.text("registration_id")?)
    .bind(row.text("registration_id_normalized")?)
    .bind(row.text("country")?)
    .bind(row.text("street_address")?)
    .bind(row.text("postal_code")?)
    .bind(row.text("city")?)
    .bind(row.opt_text("website")?)
    .bind(row.text("contact_name")?)
    .bind(row.text("contact_email")?)
    .bind(row.text("phone")?)
    .bind(row.text("org_type")?)
    .bind(row.text("org_size")?)
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to insert the customer organization")?;

    let user = sqlx::query(
        "INSERT INTO app_user (user_id, email, email_normalized, role, organization_id, status, created_at, updated_at)
         VALUES ($1, $2, $3, 'customer_admin', $4, 'invited', $5, $5)",
    )
    .bind(&user_id)
    .bind(&email)
    .bind(normalize::email(&email))
    .bind(&organization_id)
    .bind(now)
    .execute(&mut *tx)
    .await;
    if let Err(error) = user {
        // Dropping `tx` rolls back the organization inserted above.
        return Err(if is_unique_violation(&error) {
            AppError::Conflict(request_locale().t_args(
                "review-error-email-taken",
                &[("email", email.as_str().into())],
            ))
        } else {
            AppError::internal("failed to insert the Customer admin", error)
        });
    }

    sqlx::query(
        "UPDATE application SET status = 'approved', decided_by = $2, decided_at = $3,
            organization_id = $4, updated_at = $3 WHERE application_id = $1",
    )
    .bind(id)
    .bind(&admin.user_id)
    .bind(now)
    .bind(&organization_id)
    .execute(&mut *tx)
    .await
    .context("failed to mark the application approved")?;
    add_event(&mut tx, id, "approved", Some(&admin.user_id), None).await?;

    let (token, expires_at) =
        issue_password_link(&mut tx, &user_id, st.settings.invitation_ttl_hours).await?;
    let link = format!("{}/set-password/{}", st.settings.base_url(), token.expose());
    // In the language the applicant used: the Customer admin is usually
    // the contact person who filled in the form.
    let locale = applicant_locale(&row);
    mail::enqueue(
        &mut tx,
        Mail {
            to: &email,
            subject: &locale.t("mail-invitation-subject"),
            body: &locale.t_args(
                "mail-invitation-body",
                &[
                    ("org", legal_name.clone().into()),
                    ("email", email.clone().into()),
                    ("until", crate::format::time_in(locale, expires_at).into()),
                    ("link", link.clone().into()),
                ],
            ),
            kind: "invitation",
        },
    )
    .await?;
    if normalize::email(&email) != row.text("contact_email_normalized")? {
        notify_applicant(
            &mut tx,
            &row,
            "mail-approved-subject",
            "mail-approved-text",
            &[("email", email.clone().into())],
            "application_approved",
        )
        .await?;
    }
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "application.approved",
            subject_kind: "application",
            subject_id: id,
            organization_id: Some(&organization_id),
            detail: &format!("organization {legal_name} created; Customer admin {email} invited"),
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the approval")?;
    tracing::info!(application_id = %id, organization_id = %organization_id, "application approved");
    Ok(Approved {
        organization_id,
        user_id,
    })
}

pub async fn resend_invitation(user_id: &str) -> Result<i64, AppError> {
    let st = state()?;
    let admin = require_admin(&st).await?;
    abuse::check_count(&st, Scope::Invitation, &admin.user_id).await?;
    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    // Locked on PostgreSQL: two resends at once would otherwise each revoke
    // only the links they saw and leave both new ones working.
    let row = sqlx::query(&format!(
        "SELECT email, status, organization_id FROM app_user WHERE user_id = $1{}",
        st.db.for_update()
    ))
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the user")?
    .ok_or_else(|| AppError::NotFound(request_locale().t("review-error-no-user")))?;
    if row.text("status")? != "invited" {
        return Err(AppError::Conflict(
            request_locale().t("review-error-not-invited"),
        ));
    }
    let email = row.text("email")?;
    let organization_id = row.opt_text("organization_id")?;
    let (token, expires_at) =
        issue_password_link(&mut tx, user_id, st.settings.invitation_ttl_hours).await?;
    let link = format!("{}/set-password/{}", st.settings.base_url(), token.expose());
    // The recipient's language: a Customer admin's is the one their
    // organization applied in; a system administrator's is not recorded, so
    // the inviting colleague's request decides.
    let locale = match &organization_id {
        Some(org) => crate::accounts::server::organization_locale(&mut *tx, org).await?,
        None => None,
    }
    .unwrap_or_else(request_locale);
    mail::enqueue(
        &mut tx,
        Mail {
            to: &email,
            subject: &locale.t("review-mail-resend-subject"),
            body: &locale.t_args(
                "review-mail-resend-body",
                &[
                    ("email", email.as_str().into()),
                    ("link", link.into()),
                    ("until", crate::format::time_in(locale, expires_at).into()),
                ],
            ),
            kind: "invitation",
        },
    )
    .await?;
    if let Some(org) = &organization_id {
        let application_id: Option<String> = sqlx::query_scalar(
            "SELECT application_id FROM organization WHERE organization_id = $1",
        )
        .bind(org)
        .fetch_optional(&mut *tx)
        .await
        .context("failed to find the organization's application")?;
        if let Some(application_id) = application_id {
            add_event(
                &mut tx,
                &application_id,
                "invitation_resent",
                Some(&admin.user_id),
                None,
            )
            .await?;
        }
    }
    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&admin.user_id),
            actor_label: &admin.email,
            action: "user.invitation_resent",
            subject_kind: "user",
            subject_id: user_id,
            organization_id: organization_id.as_deref(),
            detail: &format!("to {email}"),
        },
    )
    .await?;
    abuse::record_in(&st, &mut tx, Scope::Invitation, &admin.user_id).await?;
    tx.commit()
        .await
        .context("failed to commit the invitation")?;
    Ok(expires_at)
}

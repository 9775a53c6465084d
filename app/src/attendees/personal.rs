//! One attendee's personal data: the export of everything held about them,
//! and erasure. Both are scoped by the signed-in Customer admin's
//! organization; another organization's ids, unknown ids and attendees
//! already erased all answer 404 alike.
//!
//! Erasure keeps the attendee's row, because course applications,
//! attendance and the seat and fee figures built on them refer to it: the
//! name becomes "Erased attendee", the email and job title go, and the name
//! and email are also replaced where free text on the person's course
//! applications (the note, the operator's reason) and the audit details
//! about those applications quote them. Ledger lines hold course titles,
//! never attendee names, so they stay exactly as they were.

use super::{Attendee, AttendeeCourse, AttendeeData, AttendeeEvent, ERASED_NAME};
use crate::error::AppError;
use crate::server::audit::{self, Entry};
use crate::server::auth::require_customer;
use crate::server::db::{RowExt, Tx};
use crate::server::{normalize, now_ms, state, tz, DbContext};

fn not_found() -> AppError {
    AppError::NotFound(crate::i18n::request_locale().t("attendees-not-found"))
}

pub async fn export(id: &str) -> Result<AttendeeData, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let pool = st.db.pool();
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;

    let row = sqlx::query(
        "SELECT a.attendee_id, a.name, a.email, a.job_title, a.created_at, a.updated_at,
            o.legal_name
         FROM attendee a JOIN organization o ON o.organization_id = a.organization_id
         WHERE a.attendee_id = $1 AND a.organization_id = $2 AND a.erased_at IS NULL",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .fetch_optional(pool)
    .await
    .context("failed to load the attendee")?
    .ok_or_else(not_found)?;

    let courses = sqlx::query(
        "SELECT c.course_application_id, s.title, s.starts_at, c.status, c.created_at,
            c.decided_at, x.attended
         FROM course_application_attendee x
         JOIN course_application c ON c.course_application_id = x.course_application_id
         JOIN service s ON s.service_id = c.service_id
         WHERE x.attendee_id = $1 AND c.organization_id = $2
         ORDER BY c.created_at, c.course_application_id",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .fetch_all(pool)
    .await
    .context("failed to load the attendee's course applications")?;
    let history = sqlx::query(
        "SELECT at, action, actor_label FROM audit_log
         WHERE subject_kind = 'attendee' AND subject_id = $1 AND organization_id = $2
         ORDER BY at, audit_id",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .fetch_all(pool)
    .await
    .context("failed to load the attendee's history")?;

    Ok(AttendeeData {
        exported_at: crate::format::zoned_in(crate::i18n::request_locale(), now_ms(), &zone),
        organization: row.text("legal_name")?,
        added: crate::format::zoned_in(
            crate::i18n::request_locale(),
            row.int("created_at")?,
            &zone,
        ),
        last_changed: crate::format::zoned_in(
            crate::i18n::request_locale(),
            row.int("updated_at")?,
            &zone,
        ),
        attendee: Attendee {
            attendee_id: row.text("attendee_id")?,
            name: row.text("name")?,
            email: row.text("email")?,
            job_title: row.text("job_title")?,
            created_at: row.int("created_at")?,
            updated_at: row.int("updated_at")?,
        },
        course_applications: courses
            .iter()
            .map(|c| {
                Ok(AttendeeCourse {
                    course_application_id: c.text("course_application_id")?,
                    course: c.text("title")?,
                    starts: c.opt_int("starts_at")?.map(|ms| {
                        crate::format::zoned_in(crate::i18n::request_locale(), ms, &zone)
                    }),
                    status: c.text("status")?,
                    applied: crate::format::zoned_in(
                        crate::i18n::request_locale(),
                        c.int("created_at")?,
                        &zone,
                    ),
                    decided: c.opt_int("decided_at")?.map(|ms| {
                        crate::format::zoned_in(crate::i18n::request_locale(), ms, &zone)
                    }),
                    attended: c.opt_int("attended")?.map(|a| a != 0),
                })
            })
            .collect::<Result<_, AppError>>()?,
        history: history
            .iter()
            .map(|h| {
                Ok(AttendeeEvent {
                    at: crate::format::zoned_in(crate::i18n::request_locale(), h.int("at")?, &zone),
                    action: h.text("action")?,
                    by: h.text("actor_label")?,
                })
            })
            .collect::<Result<_, AppError>>()?,
    })
}

pub async fn erase(id: &str, confirm: &str) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    // Locked on PostgreSQL, so two erasures at once find it once.
    let row = sqlx::query(&format!(
        "SELECT name, email FROM attendee
         WHERE attendee_id = $1 AND organization_id = $2 AND erased_at IS NULL{}",
        st.db.for_update()
    ))
    .bind(id)
    .bind(&customer.organization_id)
    .fetch_optional(&mut *tx)
    .await
    .context("failed to load the attendee")?
    .ok_or_else(not_found)?;
    // Checked after the lookup, so another organization's id answers 404
    // whatever else was sent.
    if confirm.trim() != "on" {
        return Err(AppError::field(
            "confirm",
            crate::i18n::request_locale().t("attendees-erase-tick"),
        ));
    }
    let name = row.text("name")?;
    let email = row.text("email")?;
    let now = now_ms();

    sqlx::query(
        "UPDATE attendee SET name = $3, name_sort = $4, email = '', email_normalized = $5,
            job_title = '', erased_at = $6, updated_at = $6
         WHERE attendee_id = $1 AND organization_id = $2",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .bind(ERASED_NAME)
    .bind(normalize::fold(ERASED_NAME))
    // Unique per organization like a real address, and never one (no @).
    .bind(format!("erased:{id}"))
    .bind(now)
    .execute(&mut *tx)
    .await
    .context("failed to erase the attendee")?;
    let texts = scrub_applications(&mut tx, id, &customer.organization_id, &name, &email).await?;

    audit::record(
        &mut tx,
        Entry {
            actor_user_id: Some(&customer.user_id),
            actor_label: &customer.email,
            action: "attendee.erased",
            subject_kind: "attendee",
            subject_id: id,
            organization_id: Some(&customer.organization_id),
            detail: &format!(
                "personal data erased; {texts} texts on course applications anonymized"
            ),
        },
    )
    .await?;
    tx.commit().await.context("failed to commit the erasure")?;
    tracing::info!(attendee_id = %id, "attendee erased");
    Ok(())
}

/// Replaces the name and email in the free text of the attendee's course
/// applications and of the audit entries about them; answers how many
/// texts changed.
async fn scrub_applications(
    tx: &mut Tx,
    id: &str,
    organization_id: &str,
    name: &str,
    email: &str,
) -> Result<u64, AppError> {
    let applications: Vec<String> = sqlx::query_scalar(
        "SELECT x.course_application_id FROM course_application_attendee x
         JOIN course_application c ON c.course_application_id = x.course_application_id
         WHERE x.attendee_id = $1 AND c.organization_id = $2",
    )
    .bind(id)
    .bind(organization_id)
    .fetch_all(&mut **tx)
    .await
    .context("failed to find the attendee's course applications")?;

    let mut changed = 0;
    for application_id in &applications {
        let row = sqlx::query(
            "SELECT note, decision_reason FROM course_application WHERE course_application_id = $1",
        )
        .bind(application_id)
        .fetch_one(&mut **tx)
        .await
        .context("failed to load a course application")?;
        let note = row.text("note")?;
        let reason = row.opt_text("decision_reason")?;
        let new_note = scrub(&note, name, email);
        let new_reason = reason.as_deref().map(|r| scrub(r, name, email));
        if new_note != note || new_reason != reason {
            sqlx::query(
                "UPDATE course_application SET note = $2, decision_reason = $3
                 WHERE course_application_id = $1",
            )
            .bind(application_id)
            .bind(&new_note)
            .bind(new_reason.as_deref())
            .execute(&mut **tx)
            .await
            .context("failed to anonymize a course application")?;
            changed += 1;
        }

        let entries = sqlx::query(
            "SELECT audit_id, detail FROM audit_log
             WHERE subject_kind = 'course_application' AND subject_id = $1",
        )
        .bind(application_id)
        .fetch_all(&mut **tx)
        .await
        .context("failed to load the course application's audit entries")?;
        for entry in &entries {
            let detail = entry.text("detail")?;
            let new_detail = scrub(&detail, name, email);
            if new_detail != detail {
                sqlx::query("UPDATE audit_log SET detail = $2 WHERE audit_id = $1")
                    .bind(entry.text("audit_id")?)
                    .bind(&new_detail)
                    .execute(&mut **tx)
                    .await
                    .context("failed to anonymize an audit entry")?;
                changed += 1;
            }
        }
    }
    Ok(changed)
}

/// `text` with every whole-word occurrence of `name` and of `email` (in
/// any letter case) replaced by "Erased attendee". Whole words only, so
/// erasing "Ann" leaves "Anna" alone.
pub fn scrub(text: &str, name: &str, email: &str) -> String {
    let mut out = text.to_string();
    for needle in [email, name] {
        if !needle.trim().is_empty() {
            out = replace_word(&out, needle.trim());
        }
    }
    out
}

fn replace_word(text: &str, needle: &str) -> String {
    let lower_text = text.to_lowercase();
    let lower_needle = needle.to_lowercase();
    // Lower-casing can change byte lengths (e.g. "İ"); then fall back to
    // an exact-case search so byte offsets stay valid.
    let (haystack, pattern) =
        if lower_text.len() == text.len() && lower_needle.len() == needle.len() {
            (lower_text, lower_needle)
        } else {
            (text.to_string(), needle.to_string())
        };
    let is_word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    let mut from = 0;
    while let Some(found) = haystack[from..].find(&pattern) {
        let start = from + found;
        let end = start + pattern.len();
        // Same total length does not promise the same character widths:
        // a match that does not fall on the original's boundaries is
        // skipped rather than sliced.
        if !(text.is_char_boundary(start) && text.is_char_boundary(end)) {
            from = end;
            continue;
        }
        let before = text[..start].chars().next_back();
        let after = text[end..].chars().next();
        if !is_word(before) && !is_word(after) {
            out.push_str(&text[last..start]);
            out.push_str(ERASED_NAME);
            last = end;
        }
        from = end;
    }
    out.push_str(&text[last..]);
    out
}

#[cfg(test)]
mod tests {
    use super::scrub;

    #[test]
    fn whole_names_and_emails_are_replaced_in_any_case() {
        assert_eq!(
            scrub(
                "Course X: Ada Lovelace, Anna Ann (billing: Main)",
                "Ann",
                "ann@example.com"
            ),
            "Course X: Ada Lovelace, Anna Erased attendee (billing: Main)"
        );
        assert_eq!(
            scrub("Mail ANN@example.com or ann.", "Ann", "ann@example.com"),
            "Mail Erased attendee or Erased attendee."
        );
        assert_eq!(
            scrub("nothing here", "Ann", "ann@example.com"),
            "nothing here"
        );
        assert_eq!(scrub("Zoë Ångström", "zoë ångström", ""), "Erased attendee");
    }
}

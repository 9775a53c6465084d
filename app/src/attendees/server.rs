//! Attendee queries, changes, and the CSV export and import. Every
//! statement is scoped by the signed-in Customer admin's organization, so
//! another organization's ids find nothing.

use std::collections::{HashMap, HashSet};

use base64::Engine;

use super::{Attendee, AttendeeInput, AttendeePage, Imported, CSV_COLUMNS, PAGE_SIZE};
use crate::error::{AppError, FieldErrors};
use crate::i18n::request_locale;
use crate::server::audit::{self, Entry};
use crate::server::auth::{require_customer, CustomerAdmin};
use crate::server::db::{contains_pattern, Row, RowExt, Tx};
use crate::server::{is_unique_violation, new_id, normalize, now_ms, state, DbContext};
use crate::validate::{self, Email};

/// More rows than this in one file are refused before any row is checked.
pub const IMPORT_MAX_ROWS: usize = 5000;

const COLUMNS: &str = "attendee_id, name, email, job_title, created_at, updated_at";

fn not_found() -> AppError {
    AppError::NotFound(request_locale().t("attendees-not-found"))
}

fn taken() -> AppError {
    AppError::field("email", request_locale().t("attendees-email-taken"))
}

fn to_attendee(row: &Row) -> Result<Attendee, AppError> {
    Ok(Attendee {
        attendee_id: row.text("attendee_id")?,
        name: row.text("name")?,
        email: row.text("email")?,
        job_title: row.text("job_title")?,
        created_at: row.int("created_at")?,
        updated_at: row.int("updated_at")?,
    })
}

/// The page cursor is the last row's sort key, (name_sort, email_normalized),
/// which is unique within an organization. Neither part can hold a newline:
/// validation refuses control characters.
fn encode_cursor(name_sort: &str, email_normalized: &str) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .encode(format!("{name_sort}\n{email_normalized}"))
}

fn decode_cursor(after: &str) -> Result<Option<(String, String)>, AppError> {
    if after.is_empty() {
        return Ok(None);
    }
    let malformed = || AppError::BadRequest("The page cursor is malformed.".into());
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(after)
        .map_err(|_| malformed())?;
    let text = String::from_utf8(bytes).map_err(|_| malformed())?;
    let (name, email) = text.split_once('\n').ok_or_else(malformed)?;
    Ok(Some((name.to_string(), email.to_string())))
}

pub async fn list(q: &str, after: &str) -> Result<AttendeePage, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    if q.chars().count() > 200 {
        return Err(AppError::field(
            "q",
            request_locale().t("catalog-search-too-long"),
        ));
    }
    let cursor = decode_cursor(after)?;
    let folded = normalize::fold(q);

    // Only the conditions in use go into the SQL, so the planner walks the
    // (organization_id, name_sort, email_normalized) index in order.
    let mut binds: Vec<String> = vec![customer.organization_id.clone()];
    // Erased attendees stay only for the applications that name them.
    let mut filter = vec!["organization_id = $1 AND erased_at IS NULL".to_string()];
    if !folded.is_empty() {
        binds.push(contains_pattern(&folded));
        let n = binds.len();
        filter.push(format!(
            "(name_sort LIKE ${n} ESCAPE '\\' OR email_normalized LIKE ${n} ESCAPE '\\')"
        ));
    }
    let count_sql = format!(
        "SELECT COUNT(*) FROM attendee WHERE {}",
        filter.join(" AND ")
    );
    let mut page_filter = filter.clone();
    let mut page_binds = binds.clone();
    if let Some((name, email)) = cursor {
        page_binds.push(name);
        page_binds.push(email);
        let n = page_binds.len();
        page_filter.push(format!(
            "(name_sort, email_normalized) > (${}, ${n})",
            n - 1
        ));
    }
    let page_sql = format!(
        "SELECT {COLUMNS}, name_sort, email_normalized FROM attendee WHERE {}
         ORDER BY name_sort, email_normalized LIMIT {}",
        page_filter.join(" AND "),
        PAGE_SIZE + 1
    );

    let mut count = sqlx::query_scalar::<_, i64>(&count_sql);
    for value in &binds {
        count = count.bind(value);
    }
    let total = count
        .fetch_one(st.db.pool())
        .await
        .context("failed to count attendees")?;
    let mut query = sqlx::query(&page_sql);
    for value in &page_binds {
        query = query.bind(value);
    }
    let rows = query
        .fetch_all(st.db.pool())
        .await
        .context("failed to list attendees")?;

    let page: Vec<&Row> = rows.iter().take(PAGE_SIZE).collect();
    let next = match (rows.len() > PAGE_SIZE, page.last()) {
        (true, Some(last)) => Some(encode_cursor(
            &last.text("name_sort")?,
            &last.text("email_normalized")?,
        )),
        _ => None,
    };
    Ok(AttendeePage {
        rows: page
            .into_iter()
            .map(to_attendee)
            .collect::<Result<_, _>>()?,
        next,
        total,
    })
}

async fn record(
    tx: &mut Tx,
    customer: &CustomerAdmin,
    action: &str,
    id: &str,
    detail: &str,
) -> Result<(), AppError> {
    audit::record(
        tx,
        Entry {
            actor_user_id: Some(&customer.user_id),
            actor_label: &customer.email,
            action,
            subject_kind: "attendee",
            subject_id: id,
            organization_id: Some(&customer.organization_id),
            detail,
        },
    )
    .await
}

/// A row ready to insert, with its normalized keys.
#[derive(Debug)]
struct NewAttendee {
    name: String,
    name_sort: String,
    email: String,
    email_normalized: String,
    job_title: String,
}

impl NewAttendee {
    fn new(name: String, email: &Email, job_title: String) -> Self {
        Self {
            name_sort: normalize::fold(&name),
            name,
            email: email.as_str().to_string(),
            email_normalized: normalize::email(email.as_str()),
            job_title,
        }
    }
}

async fn insert(
    tx: &mut Tx,
    organization_id: &str,
    attendee: &NewAttendee,
    now: i64,
) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO attendee (attendee_id, organization_id, name, name_sort, email,
            email_normalized, job_title, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
    )
    .bind(&id)
    .bind(organization_id)
    .bind(&attendee.name)
    .bind(&attendee.name_sort)
    .bind(&attendee.email)
    .bind(&attendee.email_normalized)
    .bind(&attendee.job_title)
    .bind(now)
    .execute(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn create(input: &AttendeeInput) -> Result<String, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let values = input.parse().map_err(AppError::Validation)?;
    let attendee = NewAttendee::new(values.name, &values.email, values.job_title);

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let id = match insert(&mut tx, &customer.organization_id, &attendee, now_ms()).await {
        Ok(id) => id,
        Err(e) if is_unique_violation(&e) => return Err(taken()),
        Err(e) => return Err(AppError::internal("failed to insert the attendee", e)),
    };
    record(&mut tx, &customer, "attendee.created", &id, "").await?;
    tx.commit().await.context("failed to commit the attendee")?;
    Ok(id)
}

pub async fn update(id: &str, input: &AttendeeInput) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let values = input.parse().map_err(AppError::Validation)?;
    let attendee = NewAttendee::new(values.name, &values.email, values.job_title);

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let result = sqlx::query(
        "UPDATE attendee SET name = $3, name_sort = $4, email = $5, email_normalized = $6,
            job_title = $7, updated_at = $8
         WHERE attendee_id = $1 AND organization_id = $2 AND erased_at IS NULL",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .bind(&attendee.name)
    .bind(&attendee.name_sort)
    .bind(&attendee.email)
    .bind(&attendee.email_normalized)
    .bind(&attendee.job_title)
    .bind(now_ms())
    .execute(&mut *tx)
    .await;
    let updated = match result {
        Ok(done) => done.rows_affected(),
        Err(e) if is_unique_violation(&e) => return Err(taken()),
        Err(e) => return Err(AppError::internal("failed to update the attendee", e)),
    };
    if updated == 0 {
        return Err(not_found());
    }
    record(&mut tx, &customer, "attendee.updated", id, "").await?;
    tx.commit()
        .await
        .context("failed to commit the attendee change")?;
    Ok(())
}

pub async fn delete(id: &str) -> Result<(), AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    // Course applications keep naming the people they were for, so someone
    // who was ever on one stays in the list.
    let on_applications: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM course_application_attendee c
         JOIN attendee a ON a.attendee_id = c.attendee_id
         WHERE c.attendee_id = $1 AND a.organization_id = $2 AND a.erased_at IS NULL",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .fetch_one(&mut *tx)
    .await
    .context("failed to check the attendee's course applications")?;
    if on_applications > 0 {
        return Err(AppError::Conflict(
            request_locale().t("attendees-on-application"),
        ));
    }
    let deleted = sqlx::query(
        "DELETE FROM attendee
         WHERE attendee_id = $1 AND organization_id = $2 AND erased_at IS NULL",
    )
    .bind(id)
    .bind(&customer.organization_id)
    .execute(&mut *tx)
    .await
    .context("failed to delete the attendee")?
    .rows_affected();
    if deleted == 0 {
        return Err(not_found());
    }
    record(&mut tx, &customer, "attendee.deleted", id, "").await?;
    tx.commit().await.context("failed to commit the deletion")?;
    Ok(())
}

pub async fn export() -> Result<String, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let rows = sqlx::query(
        "SELECT name, email, job_title FROM attendee
         WHERE organization_id = $1 AND erased_at IS NULL
         ORDER BY name_sort, email_normalized",
    )
    .bind(&customer.organization_id)
    .fetch_all(st.db.pool())
    .await
    .context("failed to load the attendees for export")?;

    // CRLF line ends and a byte-order mark: what spreadsheet programs need
    // to open a UTF-8 file with the right characters.
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let failed = |e: csv::Error| AppError::internal("failed to write the CSV export", e);
    writer.write_record(CSV_COLUMNS).map_err(failed)?;
    for row in &rows {
        writer
            .write_record([
                row.text("name")?,
                row.text("email")?,
                row.text("job_title")?,
            ])
            .map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| AppError::internal("failed to finish the CSV export", e))?;
    String::from_utf8(bytes).map_err(|e| AppError::internal("the CSV export is not UTF-8", e))
}

/// One bad cell (or row): `line N, column` and the reason.
fn bad(errors: &mut FieldErrors, line: u64, column: &str, reason: impl Into<String>) {
    errors.push(&format!("line {line}, {column}"), reason);
}

/// Which of the known columns sits at each position of the header.
fn read_header(header: &csv::StringRecord) -> Result<Vec<&'static str>, FieldErrors> {
    let mut errors = FieldErrors::default();
    let mut columns = Vec::new();
    for (index, cell) in header.iter().enumerate() {
        let wanted = cell.trim().to_ascii_lowercase();
        match CSV_COLUMNS.iter().find(|c| **c == wanted) {
            Some(column) if columns.contains(column) => bad(
                &mut errors,
                1,
                column,
                request_locale().t("attendees-csv-column-twice"),
            ),
            Some(column) => columns.push(*column),
            None => bad(
                &mut errors,
                1,
                &format!("column {}", index + 1),
                request_locale().t_args(
                    "attendees-csv-unknown-column",
                    &[
                        ("column", format!("{:?}", cell.trim()).into()),
                        ("columns", CSV_COLUMNS.join(", ").into()),
                    ],
                ),
            ),
        }
    }
    for required in ["name", "email"] {
        if !columns.contains(&required) {
            bad(
                &mut errors,
                1,
                required,
                request_locale().t("attendees-csv-column-missing"),
            );
        }
    }
    if errors.is_empty() {
        Ok(columns)
    } else {
        Err(errors)
    }
}

/// Reads and checks every row; either every row is good or every bad one
/// is reported.
fn parse_rows(text: &str, existing: &HashSet<String>) -> Result<Vec<NewAttendee>, FieldErrors> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(e)) => {
            let mut errors = FieldErrors::default();
            bad(
                &mut errors,
                1,
                "header",
                request_locale().t_args(
                    "attendees-csv-header-unreadable",
                    &[("error", e.to_string().into())],
                ),
            );
            return Err(errors);
        }
        None => {
            return Err(FieldErrors(vec![(
                "csv".into(),
                request_locale().t("attendees-csv-empty"),
            )]))
        }
    };
    let columns = read_header(&header)?;

    let mut errors = FieldErrors::default();
    let mut rows = Vec::new();
    let mut seen: HashMap<String, u64> = HashMap::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                bad(
                    &mut errors,
                    line,
                    "row",
                    request_locale().t_args(
                        "attendees-csv-row-unreadable",
                        &[("error", e.to_string().into())],
                    ),
                );
                break;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        if rows.len() + errors.0.len() >= IMPORT_MAX_ROWS {
            return Err(FieldErrors(vec![(
                "csv".into(),
                request_locale()
                    .t_args("attendees-csv-too-many", &[("max", IMPORT_MAX_ROWS.into())]),
            )]));
        }
        if record.len() < columns.len() {
            let missing = columns[record.len()];
            bad(
                &mut errors,
                line,
                missing,
                request_locale().t_args(
                    "attendees-csv-column-count",
                    &[
                        ("row", record.len().into()),
                        ("header", columns.len().into()),
                    ],
                ),
            );
            continue;
        }
        if record.len() > columns.len() {
            bad(
                &mut errors,
                line,
                &format!("column {}", columns.len() + 1),
                request_locale().t_args(
                    "attendees-csv-column-count",
                    &[
                        ("row", record.len().into()),
                        ("header", columns.len().into()),
                    ],
                ),
            );
            continue;
        }
        let cell = |name: &str| {
            columns
                .iter()
                .position(|c| *c == name)
                .and_then(|i| record.get(i))
                .unwrap_or_default()
        };
        let mut row_errors = FieldErrors::default();
        let name = row_errors.check("name", validate::person_name(cell("name")));
        let email = row_errors.check("email", Email::parse(cell("email")));
        let job_title = row_errors.check("job_title", validate::job_title(cell("job_title")));
        if let Some(email) = &email {
            let key = normalize::email(email.as_str());
            if let Some(first) = seen.get(&key) {
                row_errors.push(
                    "email",
                    request_locale().t_args(
                        "attendees-csv-same-email",
                        &[("line", (*first as i64).into())],
                    ),
                );
            } else if existing.contains(&key) {
                row_errors.push("email", request_locale().t("attendees-csv-email-exists"));
            } else {
                seen.insert(key, line);
            }
        }
        for (column, reason) in row_errors.0 {
            bad(&mut errors, line, &column, reason);
        }
        if let (Some(name), Some(email), Some(job_title)) = (name, email, job_title) {
            rows.push(NewAttendee::new(name, &email, job_title));
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    if rows.is_empty() {
        return Err(FieldErrors(vec![(
            "csv".into(),
            request_locale().t("attendees-csv-no-rows"),
        )]));
    }
    Ok(rows)
}

pub async fn import(text: &str) -> Result<Imported, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;

    let mut tx = st
        .db
        .begin_write()
        .await
        .context("failed to start a transaction")?;
    let existing: HashSet<String> = sqlx::query_scalar::<_, String>(
        "SELECT email_normalized FROM attendee WHERE organization_id = $1",
    )
    .bind(&customer.organization_id)
    .fetch_all(&mut *tx)
    .await
    .context("failed to load the existing attendees")?
    .into_iter()
    .collect();
    let rows = parse_rows(text, &existing).map_err(AppError::Validation)?;

    let now = now_ms();
    for row in &rows {
        match insert(&mut tx, &customer.organization_id, row, now).await {
            Ok(_) => {}
            Err(e) if is_unique_violation(&e) => {
                return Err(AppError::Conflict(
                    request_locale().t("attendees-csv-raced"),
                ))
            }
            Err(e) => {
                return Err(AppError::internal(
                    "failed to insert an imported attendee",
                    e,
                ))
            }
        }
    }
    record(
        &mut tx,
        &customer,
        "attendee.imported",
        &customer.organization_id,
        &format!("{} attendees imported", rows.len()),
    )
    .await?;
    tx.commit().await.context("failed to commit the import")?;
    Ok(Imported { count: rows.len() })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursors_round_trip() {
        let cursor = encode_cursor("ada lovelace", "ada@example.com");
        assert_eq!(
            decode_cursor(&cursor).unwrap(),
            Some(("ada lovelace".into(), "ada@example.com".into()))
        );
        assert_eq!(decode_cursor("").unwrap(), None);
        assert!(decode_cursor("!!").is_err());
    }

    #[test]
    fn a_header_in_any_order_and_case_is_read() {
        let text = "Email,NAME\r\nada@example.com,Ada Lovelace\r\n";
        let rows = parse_rows(text, &HashSet::new()).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].name, "Ada Lovelace");
        assert_eq!(rows[0].job_title, "");
    }

    #[test]
    fn quoted_cells_keep_commas_and_quotes() {
        let text =
            "name,email,job_title\n\"Lovelace, Ada\",ada@example.com,\"Head of \"\"R&D\"\"\"\n";
        let rows = parse_rows(text, &HashSet::new()).unwrap();
        assert_eq!(rows[0].name, "Lovelace, Ada");
        assert_eq!(rows[0].job_title, "Head of \"R&D\"");
    }

    #[test]
    fn an_unknown_or_missing_header_column_is_reported() {
        let errors = parse_rows("name,mail\nAda,ada@example.com\n", &HashSet::new()).unwrap_err();
        assert!(errors.get("line 1, column 2").is_some());
        assert!(errors.get("line 1, email").is_some());
        assert!(parse_rows("", &HashSet::new()).is_err());
        assert!(parse_rows("name,email\n", &HashSet::new()).is_err());
    }
}

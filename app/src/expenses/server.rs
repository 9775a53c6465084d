//! Expense queries. The list, the totals and the export share one set of
//! conditions built from the filters, always scoped by the signed-in
//! admin's organization, so the totals sum exactly the lines listed and
//! exported.

use jiff::tz::TimeZone;

use super::{
    is_month, Choice, CurrencyTotal, ExpenseFilter, ExpenseKind, ExpenseList, ExpenseRow,
    ExpenseSums, TotalRow, CSV_COLUMNS, EXPORT_LIMIT, PAGE_SIZE,
};
use crate::error::{AppError, FieldErrors};
use crate::format;
use crate::i18n::request_locale;
use crate::money;
use crate::server::auth::{require_customer, CustomerAdmin};
use crate::server::db::{bind_all, decode_cursor, encode_cursor, Bind, Row, RowExt};
use crate::server::{state, tz, AppState, DbContext};

/// The WHERE clause of the filtered lines (table alias `e`) and its values.
struct Selection {
    conditions: Vec<String>,
    binds: Vec<Bind>,
}

impl Selection {
    fn push(&mut self, value: Bind, condition: &str) {
        self.binds.push(value);
        self.conditions
            .push(condition.replace('#', &format!("${}", self.binds.len())));
    }

    fn clause(&self) -> String {
        self.conditions.join(" AND ")
    }
}

/// Checks every filter at once and builds the conditions. An account or
/// service the organization cannot filter by gets the same message whether
/// it exists elsewhere or not at all.
async fn selection(
    st: &AppState,
    customer: &CustomerAdmin,
    filter: &ExpenseFilter,
) -> Result<Selection, AppError> {
    let mut errors = FieldErrors::default();
    let account = filter.account.trim();
    if !account.is_empty() {
        let known: Option<i64> = if account.len() <= 64 {
            sqlx::query_scalar(
                "SELECT 1 FROM billing_account WHERE billing_account_id = $1 AND organization_id = $2",
            )
            .bind(account)
            .bind(&customer.organization_id)
            .fetch_optional(st.db.pool())
            .await
            .context("failed to check the billing account")?
        } else {
            None
        };
        if known.is_none() {
            errors.push("account", request_locale().t("orders-choose-own-account"));
        }
    }
    let service = filter.service.trim();
    if !service.is_empty() {
        let known: Option<i64> = if service.len() <= 64 {
            sqlx::query_scalar("SELECT 1 FROM service WHERE service_id = $1")
                .bind(service)
                .fetch_optional(st.db.pool())
                .await
                .context("failed to check the service")?
        } else {
            None
        };
        if known.is_none() {
            errors.push("service", request_locale().t("expenses-choose-service"));
        }
    }
    let month = |field: &str, value: &str, errors: &mut FieldErrors| -> Option<String> {
        let value = value.trim();
        if value.is_empty() {
            return None;
        }
        if is_month(value) {
            Some(value.to_string())
        } else {
            errors.push(field, request_locale().t("expenses-enter-month"));
            None
        }
    };
    let from = month("from", &filter.from, &mut errors);
    let to = month("to", &filter.to, &mut errors);
    if let (Some(from), Some(to)) = (&from, &to) {
        if from > to {
            errors.push("to", request_locale().t("expenses-months-reversed"));
        }
    }
    let kind = if filter.kind.trim().is_empty() {
        None
    } else {
        errors.check("kind", ExpenseKind::parse(&filter.kind))
    };
    if !errors.is_empty() {
        return Err(AppError::Validation(errors));
    }

    let mut selection = Selection {
        conditions: Vec::new(),
        binds: Vec::new(),
    };
    selection.push(
        Bind::Text(customer.organization_id.clone()),
        "e.organization_id = #",
    );
    if !account.is_empty() {
        selection.push(Bind::Text(account.to_string()), "e.billing_account_id = #");
    }
    if !service.is_empty() {
        selection.push(Bind::Text(service.to_string()), "e.service_id = #");
    }
    // Month keys sort as text, so a range is two comparisons.
    if let Some(from) = from {
        selection.push(Bind::Text(from), "e.month >= #");
    }
    if let Some(to) = to {
        selection.push(Bind::Text(to), "e.month <= #");
    }
    if let Some(kind) = kind {
        let mut placeholders = Vec::new();
        for source in kind.source_kinds() {
            selection.binds.push(Bind::Text((*source).to_string()));
            placeholders.push(format!("${}", selection.binds.len()));
        }
        selection
            .conditions
            .push(format!("e.source_kind IN ({})", placeholders.join(", ")));
    }
    Ok(selection)
}

const LINE_COLUMNS: &str = "e.expense_id, e.occurred_at, e.month, e.billing_account_id,
    b.name AS billing_account_name, e.service_id, s.title AS service_title, e.source_kind,
    e.description, e.quantity, e.unit_price_minor, e.net_minor, e.vat_minor, e.currency,
    e.vat_rate_bp";

const LINE_JOINS: &str = "FROM expense_line e
    JOIN billing_account b ON b.billing_account_id = e.billing_account_id
    JOIN service s ON s.service_id = e.service_id";

fn to_row(row: &Row, zone: &TimeZone) -> Result<ExpenseRow, AppError> {
    Ok(ExpenseRow {
        expense_id: row.text("expense_id")?,
        occurred: format::zoned_in(request_locale(), row.int("occurred_at")?, zone),
        month: row.text("month")?,
        billing_account_id: row.text("billing_account_id")?,
        billing_account_name: row.text("billing_account_name")?,
        service_id: row.text("service_id")?,
        service_title: row.text("service_title")?,
        source_kind: row.text("source_kind")?,
        description: row.text("description")?,
        quantity: row.int("quantity")?,
        unit_price_minor: row.int("unit_price_minor")?,
        net_minor: row.int("net_minor")?,
        vat_minor: row.int("vat_minor")?,
        currency: row.text("currency")?,
        vat_rate_bp: row.int("vat_rate_bp")?,
    })
}

pub async fn list(filter: &ExpenseFilter, after: &str) -> Result<ExpenseList, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let cursor = decode_cursor(after)?;
    let mut selection = selection(&st, &customer, filter).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    if let Some((key, id)) = cursor {
        selection.binds.push(Bind::Int(key));
        selection.binds.push(Bind::Text(id));
        let n = selection.binds.len();
        selection.conditions.push(format!(
            "(e.occurred_at, e.expense_id) < (${}, ${n})",
            n - 1
        ));
    }
    // Newest first along expense_line_org_idx (organization, occurred_at,
    // id): a page reads its 51 rows, however many lines the organization has.
    let sql = format!(
        "SELECT {LINE_COLUMNS} {LINE_JOINS} WHERE {}
         ORDER BY e.occurred_at DESC, e.expense_id DESC LIMIT {}",
        selection.clause(),
        PAGE_SIZE + 1
    );
    let rows = bind_all(sqlx::query(&sql), &selection.binds)
        .fetch_all(st.db.pool())
        .await
        .context("failed to list expense lines")?;
    let next = match (rows.len() > PAGE_SIZE, rows.get(PAGE_SIZE - 1)) {
        (true, Some(last)) => Some(encode_cursor(
            last.int("occurred_at")?,
            &last.text("expense_id")?,
        )),
        _ => None,
    };
    let accounts = sqlx::query(
        "SELECT billing_account_id, name, archived_at FROM billing_account
         WHERE organization_id = $1
         ORDER BY CASE WHEN archived_at IS NULL THEN 0 ELSE 1 END, name, billing_account_id",
    )
    .bind(&customer.organization_id)
    .fetch_all(st.db.pool())
    .await
    .context("failed to list billing accounts")?
    .iter()
    .map(|row| {
        let name = row.text("name")?;
        Ok(Choice {
            id: row.text("billing_account_id")?,
            label: match row.opt_int("archived_at")? {
                Some(_) => format!("{name} (archived)"),
                None => name,
            },
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;
    let services = sqlx::query(
        "SELECT s.service_id, s.title FROM service s
         WHERE s.service_id IN (SELECT e.service_id FROM expense_line e WHERE e.organization_id = $1)
         ORDER BY s.title, s.service_id",
    )
    .bind(&customer.organization_id)
    .fetch_all(st.db.pool())
    .await
    .context("failed to list the services of the expenses")?
    .iter()
    .map(|row| {
        Ok(Choice {
            id: row.text("service_id")?,
            label: row.text("title")?,
        })
    })
    .collect::<Result<Vec<_>, AppError>>()?;
    Ok(ExpenseList {
        rows: rows
            .iter()
            .take(PAGE_SIZE)
            .map(|row| to_row(row, &zone))
            .collect::<Result<_, _>>()?,
        next,
        accounts,
        services,
    })
}

pub async fn totals(filter: &ExpenseFilter) -> Result<ExpenseSums, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let selection = selection(&st, &customer, filter).await?;
    // PostgreSQL's SUM of BIGINT is NUMERIC; the casts keep both databases
    // answering a 64-bit integer.
    let sql = format!(
        "SELECT e.billing_account_id, b.name AS billing_account_name, e.month, e.currency,
            COUNT(*) AS lines,
            CAST(SUM(e.net_minor) AS BIGINT) AS net_minor,
            CAST(SUM(e.vat_minor) AS BIGINT) AS vat_minor
         FROM expense_line e JOIN billing_account b ON b.billing_account_id = e.billing_account_id
         WHERE {}
         GROUP BY e.billing_account_id, b.name, e.month, e.currency
         ORDER BY e.month DESC, b.name, e.billing_account_id, e.currency",
        selection.clause()
    );
    let rows = bind_all(sqlx::query(&sql), &selection.binds)
        .fetch_all(st.db.pool())
        .await
        .context("failed to sum expense lines")?
        .iter()
        .map(|row| {
            let net = row.int("net_minor")?;
            let vat = row.int("vat_minor")?;
            Ok(TotalRow {
                billing_account_id: row.text("billing_account_id")?,
                billing_account_name: row.text("billing_account_name")?,
                month: row.text("month")?,
                currency: row.text("currency")?,
                lines: row.int("lines")?,
                net_minor: net,
                vat_minor: vat,
                gross_minor: net + vat,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    let sql = format!(
        "SELECT e.currency, COUNT(*) AS lines,
            CAST(SUM(e.net_minor) AS BIGINT) AS net_minor,
            CAST(SUM(e.vat_minor) AS BIGINT) AS vat_minor
         FROM expense_line e WHERE {} GROUP BY e.currency ORDER BY e.currency",
        selection.clause()
    );
    let overall = bind_all(sqlx::query(&sql), &selection.binds)
        .fetch_all(st.db.pool())
        .await
        .context("failed to sum expense lines per currency")?
        .iter()
        .map(|row| {
            let net = row.int("net_minor")?;
            let vat = row.int("vat_minor")?;
            Ok(CurrencyTotal {
                currency: row.text("currency")?,
                lines: row.int("lines")?,
                net_minor: net,
                vat_minor: vat,
                gross_minor: net + vat,
            })
        })
        .collect::<Result<Vec<_>, AppError>>()?;
    Ok(ExpenseSums { rows, overall })
}

/// A text cell a spreadsheet will not run as a formula: one that starts
/// with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`.
/// Names and titles are typed by people, so any of them may start so.
pub fn safe_cell(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

pub async fn export(filter: &ExpenseFilter) -> Result<String, AppError> {
    let st = state()?;
    let customer = require_customer(&st).await?;
    let selection = selection(&st, &customer, filter).await?;
    let zone = tz::for_organization(&st, Some(&customer.organization_id)).await?;
    let sql = format!(
        "SELECT {LINE_COLUMNS} {LINE_JOINS} WHERE {}
         ORDER BY e.occurred_at DESC, e.expense_id DESC LIMIT {}",
        selection.clause(),
        EXPORT_LIMIT + 1
    );
    let rows = bind_all(sqlx::query(&sql), &selection.binds)
        .fetch_all(st.db.pool())
        .await
        .context("failed to load expense lines for export")?;
    if rows.len() > EXPORT_LIMIT {
        return Err(AppError::field(
            "from",
            request_locale().t_args("expenses-export-too-many", &[("max", EXPORT_LIMIT.into())]),
        ));
    }

    // CRLF line ends and a byte-order mark: what spreadsheet programs need
    // to open a UTF-8 file with the right characters.
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(vec![0xEF, 0xBB, 0xBF]);
    let failed = |e: csv::Error| AppError::internal("failed to write the expense export", e);
    writer.write_record(CSV_COLUMNS).map_err(failed)?;
    for row in &rows {
        let line = to_row(row, &zone)?;
        let occurred_at = row.int("occurred_at")?;
        // Numbers are written by us as `-?digits.digits`, which no
        // spreadsheet reads as a formula, so only the text cells need the
        // guard (and a refund's minus sign stays a number).
        writer
            .write_record([
                tz::format_date(occurred_at, &zone),
                line.month.clone(),
                safe_cell(&line.billing_account_name),
                safe_cell(&line.service_title),
                super::source_label(&line.source_kind).to_string(),
                safe_cell(&line.description),
                line.quantity.to_string(),
                money::to_decimal(line.unit_price_minor),
                money::to_decimal(line.net_minor),
                money::to_decimal(line.vat_rate_bp),
                money::to_decimal(line.vat_minor),
                money::to_decimal(line.gross_minor()),
                line.currency.clone(),
            ])
            .map_err(failed)?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|e| AppError::internal("failed to finish the expense export", e))?;
    String::from_utf8(bytes).map_err(|e| AppError::internal("the expense export is not UTF-8", e))
}

#[cfg(test)]
mod tests {
    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(super::safe_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(super::safe_cell("+1"), "'+1");
        assert_eq!(super::safe_cell("-1"), "'-1");
        assert_eq!(super::safe_cell("@cmd"), "'@cmd");
        assert_eq!(
            super::safe_cell("Leadership, \"basics\""),
            "Leadership, \"basics\""
        );
    }
}

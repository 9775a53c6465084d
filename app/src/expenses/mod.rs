//! Expenses: every line of the organization's ledger (purchases, course
//! fees and their refunds) with filters, totals per billing account and
//! month, and a CSV export of exactly the filtered lines.

mod page;
#[cfg(feature = "ssr")]
pub mod server;

pub use page::ExpensesPage;

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::AppError;

/// Lines per page of the expense list.
pub const PAGE_SIZE: usize = 50;

/// The most lines one CSV export holds; a larger selection asks for a
/// narrower month range instead of building an unbounded answer.
pub const EXPORT_LIMIT: usize = 50_000;

/// The CSV columns, in the order export writes them.
pub const CSV_COLUMNS: [&str; 13] = [
    "date",
    "month",
    "billing_account",
    "service",
    "kind",
    "description",
    "quantity",
    "unit_price",
    "net",
    "vat_percent",
    "vat",
    "gross",
    "currency",
];

/// The kinds a person filters by; each stands for one or two ledger
/// `source_kind`s.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExpenseKind {
    Purchase,
    CourseFee,
    Refund,
}

impl ExpenseKind {
    pub const ALL: [ExpenseKind; 3] = [Self::Purchase, Self::CourseFee, Self::Refund];

    pub fn code(self) -> &'static str {
        match self {
            Self::Purchase => "purchase",
            Self::CourseFee => "course_fee",
            Self::Refund => "refund",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Self::Purchase => "Purchases",
            Self::CourseFee => "Course fees",
            Self::Refund => "Refunds",
        }
    }

    pub fn parse(code: &str) -> Result<Self, String> {
        Self::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
            .ok_or_else(|| crate::i18n::use_locale().t("expenses-choose-kind"))
    }

    /// The ledger's `source_kind` values of this kind.
    pub fn source_kinds(self) -> &'static [&'static str] {
        match self {
            Self::Purchase => &["order"],
            Self::CourseFee => &["course_fee"],
            Self::Refund => &["order_refund", "course_fee_refund"],
        }
    }
}

/// A line's `source_kind` as people read it.
pub fn source_label(source_kind: &str) -> &'static str {
    match source_kind {
        "order" => "Purchase",
        "order_refund" => "Purchase refund",
        "course_fee" => "Course fee",
        "course_fee_refund" => "Course fee refund",
        _ => "Other",
    }
}

impl ExpenseKind {
    /// The kind's name in `locale`.
    pub fn label_in(self, locale: crate::i18n::Locale) -> String {
        locale.t(match self {
            Self::Purchase => "expenses-kind-purchases",
            Self::CourseFee => "expenses-kind-course-fees",
            Self::Refund => "expenses-kind-refunds",
        })
    }
}

/// A line's `source_kind` in `locale`.
pub fn source_label_in(locale: crate::i18n::Locale, source_kind: &str) -> String {
    locale.t(match source_kind {
        "order" => "expenses-source-order",
        "order_refund" => "expenses-source-order-refund",
        "course_fee" => "expenses-source-course-fee",
        "course_fee_refund" => "expenses-source-course-fee-refund",
        _ => "expenses-source-other",
    })
}

impl ExpenseRow {
    /// What the line is for, in `locale`. The ledger keeps the English
    /// description written when the line was charged (the CSV export
    /// carries it as it is); the page rebuilds it from the line's parts.
    pub fn description_in(&self, locale: crate::i18n::Locale) -> String {
        if locale == crate::i18n::Locale::En {
            return self.description.clone();
        }
        let count = self.quantity.abs();
        let args = [
            ("count", crate::i18n::Arg::from(count)),
            ("service", self.service_title.clone().into()),
        ];
        match self.source_kind.as_str() {
            "order" => locale.t_args("expenses-desc-order", &args),
            "order_refund" => locale.t_args("expenses-desc-order-refund", &args),
            "course_fee" => locale.t_args("expenses-desc-course-fee", &args),
            "course_fee_refund" => locale.t_args("expenses-desc-course-fee-refund", &args),
            _ => self.description.clone(),
        }
    }
}

/// The list's filters as the page's query string holds them: a billing
/// account id, months as `YYYY-MM`, a service id and a kind code. Empty
/// means "any".
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ExpenseFilter {
    #[serde(default)]
    pub account: String,
    #[serde(default)]
    pub from: String,
    #[serde(default)]
    pub to: String,
    #[serde(default)]
    pub service: String,
    #[serde(default)]
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExpenseRow {
    pub expense_id: String,
    /// When the line was written, in the organization's time zone.
    pub occurred: String,
    pub month: String,
    pub billing_account_id: String,
    pub billing_account_name: String,
    pub service_id: String,
    pub service_title: String,
    pub source_kind: String,
    pub description: String,
    pub quantity: i64,
    pub unit_price_minor: i64,
    pub net_minor: i64,
    pub vat_minor: i64,
    pub currency: String,
    pub vat_rate_bp: i64,
}

impl ExpenseRow {
    pub fn gross_minor(&self) -> i64 {
        self.net_minor + self.vat_minor
    }
}

/// A choice in one of the filter's lists: id and label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Choice {
    pub id: String,
    pub label: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExpenseList {
    pub rows: Vec<ExpenseRow>,
    pub next: Option<String>,
    /// Every billing account of the organization, archived ones too.
    pub accounts: Vec<Choice>,
    /// The services the organization has lines for.
    pub services: Vec<Choice>,
}

/// The sums of one billing account in one month and currency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TotalRow {
    pub billing_account_id: String,
    pub billing_account_name: String,
    pub month: String,
    pub currency: String,
    pub lines: i64,
    pub net_minor: i64,
    pub vat_minor: i64,
    pub gross_minor: i64,
}

/// The sums of every filtered line in one currency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CurrencyTotal {
    pub currency: String,
    pub lines: i64,
    pub net_minor: i64,
    pub vat_minor: i64,
    pub gross_minor: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExpenseSums {
    /// Newest month first, then by account name.
    pub rows: Vec<TotalRow>,
    pub overall: Vec<CurrencyTotal>,
}

/// A page of the organization's expense lines, newest first; `after` is
/// the previous page's `next`.
#[server(prefix = "/api", endpoint = "org/expenses/list")]
pub async fn list_expenses(
    #[server(default)] account: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] service: String,
    #[server(default)] kind: String,
    #[server(default)] after: String,
) -> Result<ExpenseList, AppError> {
    let filter = ExpenseFilter {
        account,
        from,
        to,
        service,
        kind,
    };
    server::list(&filter, &after).await
}

/// Net, VAT and gross of the filtered lines per billing account, month and
/// currency, and per currency overall.
#[server(prefix = "/api", endpoint = "org/expenses/totals")]
pub async fn expense_totals(
    #[server(default)] account: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] service: String,
    #[server(default)] kind: String,
) -> Result<ExpenseSums, AppError> {
    let filter = ExpenseFilter {
        account,
        from,
        to,
        service,
        kind,
    };
    server::totals(&filter).await
}

/// The filtered lines as CSV text (UTF-8 with BOM, CRLF, a header row).
#[server(prefix = "/api", endpoint = "org/expenses/export")]
pub async fn export_expenses(
    #[server(default)] account: String,
    #[server(default)] from: String,
    #[server(default)] to: String,
    #[server(default)] service: String,
    #[server(default)] kind: String,
) -> Result<String, AppError> {
    let filter = ExpenseFilter {
        account,
        from,
        to,
        service,
        kind,
    };
    server::export(&filter).await
}

/// Whether `value` is a month `YYYY-MM` (years 2000–2999).
pub fn is_month(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && b[0] == b'2'
        && matches!(
            &value[5..],
            "01" | "02" | "03" | "04" | "05" | "06" | "07" | "08" | "09" | "10" | "11" | "12"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_are_checked() {
        assert!(is_month("2026-12"));
        assert!(is_month("2027-01"));
        assert!(!is_month("2026-13"));
        assert!(!is_month("2026-00"));
        assert!(!is_month("2026-1"));
        assert!(!is_month("26-12-01"));
        assert!(!is_month("２０２６-12"));
        assert!(!is_month("1999-12"));
    }

    #[test]
    fn kinds_map_to_ledger_sources() {
        assert_eq!(ExpenseKind::parse("refund"), Ok(ExpenseKind::Refund));
        assert!(ExpenseKind::parse("gift").is_err());
        assert_eq!(
            ExpenseKind::Refund.source_kinds(),
            &["order_refund", "course_fee_refund"]
        );
    }
}

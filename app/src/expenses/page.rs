//! `/org/expenses`: the ledger with its filters, the totals per billing
//! account and month, and the CSV export of the same selection.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::{
    expense_totals, list_expenses, source_label_in, Choice, ExpenseFilter, ExpenseKind,
    ExpenseList, ExpenseRow, ExpenseSums, ExportExpenses,
};
use crate::components::{error_of, field_error, general_error, href_with_query, percent_encode};
use crate::error::AppError;
use crate::format;
use crate::i18n::use_locale;
use crate::money;

fn filter_from_query(query: &leptos_router::params::ParamsMap) -> ExpenseFilter {
    let get = |key: &str| query.get(key).unwrap_or_default();
    ExpenseFilter {
        account: get("account"),
        from: get("from"),
        to: get("to"),
        service: get("service"),
        kind: get("kind"),
    }
}

/// The list's address with these filters, from page `after`.
pub fn expenses_href(filter: &ExpenseFilter, after: &str) -> String {
    href_with_query(
        "/org/expenses",
        &[
            ("account", &filter.account),
            ("from", &filter.from),
            ("to", &filter.to),
            ("service", &filter.service),
            ("kind", &filter.kind),
            ("after", after),
        ],
    )
}

#[component]
pub fn ExpensesPage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let filter = Memo::new(move |_| filter_from_query(&query.read()));
    let after = move || query.read().get("after").unwrap_or_default();
    let list = Resource::new(
        move || (filter.get(), after()),
        |(f, after)| list_expenses(f.account, f.from, f.to, f.service, f.kind, after),
    );
    let totals = Resource::new(
        move || filter.get(),
        |f| expense_totals(f.account, f.from, f.to, f.service, f.kind),
    );

    view! {
        <Title text=l.t("expenses-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("dashboard-eyebrow")}</p>
                    <h1>{l.t("nav-expenses")}</h1>
                </div>
                <A href="/org" attr:class="button">{l.t("nav-dashboard")}</A>
            </div>
            <p class="lead">{l.t("expenses-lead")}</p>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    let current = filter.get_untracked();
                    match (list.await, totals.await) {
                        (Ok(data), Ok(sums)) => view! {
                            <FilterForm filter=current.clone() accounts=data.accounts.clone() services=data.services.clone() error=None/>
                            <TotalsCard totals=sums/>
                            <ExportCard filter=current.clone()/>
                            <LineTable data filter=current paged=!after().is_empty()/>
                        }.into_any(),
                        (Err(e), _) | (_, Err(e)) => {
                            let error = Some(e);
                            view! {
                                <FilterForm filter=current accounts=Vec::new() services=Vec::new() error=error.clone()/>
                                {general_error(&error).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div> })}
                            }.into_any()
                        }
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn FilterForm(
    filter: ExpenseFilter,
    accounts: Vec<Choice>,
    services: Vec<Choice>,
    error: Option<AppError>,
) -> impl IntoView {
    let message = move |field: &str| field_error(&error, field);
    let options = |choices: Vec<Choice>, selected: String| {
        choices
            .into_iter()
            .map(|c| {
                let is = c.id == selected;
                view! { <option value=c.id selected=is>{c.label}</option> }
            })
            .collect_view()
    };
    let kind = filter.kind.clone();
    let l = use_locale();
    view! {
        <Form method="GET" action="/org/expenses" attr:class="filters" attr:role="search" attr:data-testid="expense-filters">
            <div class="field">
                <label for="expense-account">{l.t("orders-billing-account")}</label>
                <select id="expense-account" name="account" data-testid="expense-account">
                    <option value="">{l.t("expenses-all-accounts")}</option>
                    {options(accounts, filter.account.clone())}
                </select>
                <p class="field-error">{message("account")}</p>
            </div>
            <div class="field">
                <label for="expense-from">{l.t("expenses-from-month")}</label>
                <input id="expense-from" type="month" name="from" value=filter.from placeholder="2026-01" data-testid="expense-from"/>
                <p class="field-error">{message("from")}</p>
            </div>
            <div class="field">
                <label for="expense-to">{l.t("expenses-to-month")}</label>
                <input id="expense-to" type="month" name="to" value=filter.to placeholder="2026-12" data-testid="expense-to"/>
                <p class="field-error">{message("to")}</p>
            </div>
            <div class="field">
                <label for="expense-service">{l.t("orders-service")}</label>
                <select id="expense-service" name="service" data-testid="expense-service">
                    <option value="">{l.t("expenses-all-services")}</option>
                    {options(services, filter.service.clone())}
                </select>
                <p class="field-error">{message("service")}</p>
            </div>
            <div class="field">
                <label for="expense-kind">{l.t("expenses-kind")}</label>
                <select id="expense-kind" name="kind" data-testid="expense-kind">
                    <option value="">{l.t("expenses-all-kinds")}</option>
                    {ExpenseKind::ALL.iter().map(|k| {
                        let is = k.code() == kind;
                        view! { <option value=k.code() selected=is>{k.label_in(l)}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error">{message("kind")}</p>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button primary" data-testid="expense-apply">{l.t("catalog-filter")}</button>
                <A href="/org/expenses" attr:class="button">{l.t("catalog-clear")}</A>
            </div>
        </Form>
    }
}

#[component]
fn TotalsCard(totals: ExpenseSums) -> impl IntoView {
    let l = use_locale();
    if totals.rows.is_empty() {
        return ().into_any();
    }
    view! {
        <div class="card">
            <h2>{l.t("expenses-totals")}</h2>
            <ul class="figure-list" data-testid="expense-overall">
                {totals.overall.into_iter().map(|t| view! {
                    <li>
                        <span class="figure-value">{money::format_in(l, t.gross_minor, &t.currency)}</span>
                        <span class="muted">{l.t_args("expenses-overall", &[("net", money::format_in(l, t.net_minor, &t.currency).into()), ("vat", money::format_in(l, t.vat_minor, &t.currency).into()), ("count", t.lines.into())])}</span>
                    </li>
                }).collect_view()}
            </ul>
            <div class="table-wrap">
                <table class="table" data-testid="expense-totals">
                    <thead>
                        <tr>
                            <th scope="col">{l.t("expenses-month")}</th>
                            <th scope="col">{l.t("orders-billing-account")}</th>
                            <th scope="col" class="num">{l.t("expenses-lines")}</th>
                            <th scope="col" class="num">{l.t("expenses-net")}</th>
                            <th scope="col" class="num">{l.t("expenses-vat")}</th>
                            <th scope="col" class="num">{l.t("expenses-gross")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {totals.rows.into_iter().map(|t| view! {
                            <tr data-testid="expense-total-row">
                                <td data-label=l.t("expenses-month") class="nowrap">{format::month_label(l, &t.month)}</td>
                                <td data-label=l.t("orders-billing-account")>{t.billing_account_name}</td>
                                <td data-label=l.t("expenses-lines") class="num">{t.lines}</td>
                                <td data-label=l.t("expenses-net") class="num nowrap">{money::format_in(l, t.net_minor, &t.currency)}</td>
                                <td data-label=l.t("expenses-vat") class="num nowrap">{money::format_in(l, t.vat_minor, &t.currency)}</td>
                                <td data-label=l.t("expenses-gross") class="num nowrap">{money::format_in(l, t.gross_minor, &t.currency)}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
    .into_any()
}

#[component]
fn ExportCard(filter: ExpenseFilter) -> impl IntoView {
    let l = use_locale();
    let export = ServerAction::<ExportExpenses>::new();
    let value = export.value();
    let error = move || general_error(&error_of(value));
    let csv = move || value.get().and_then(Result::ok);
    let request = StoredValue::new(ExportExpenses {
        account: filter.account,
        from: filter.from,
        to: filter.to,
        service: filter.service,
        kind: filter.kind,
    });
    view! {
        <div class="row-actions export-row">
            <button type="button" class="button" data-testid="expense-export"
                disabled=move || export.pending().get()
                on:click=move |_| { export.dispatch(request.get_value()); }>{l.t("expenses-prepare-csv")}</button>
            {move || csv().map(|text| view! {
                <a class="button primary" download="expenses.csv" data-testid="expense-download"
                    href=format!("data:text/csv;charset=utf-8,{}", percent_encode(&text))>{l.t("expenses-download")}</a>
            })}
            {move || error().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
        </div>
    }
}

#[component]
fn LineTable(data: ExpenseList, filter: ExpenseFilter, paged: bool) -> impl IntoView {
    let l = use_locale();
    if data.rows.is_empty() {
        let text = if filter == ExpenseFilter::default() {
            l.t("expenses-empty")
        } else {
            l.t("expenses-no-match")
        };
        return view! { <p class="empty" data-testid="expenses-empty">{text}</p> }.into_any();
    }
    let next = data.next.clone();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="expenses-table">
                <thead>
                    <tr>
                        <th scope="col">{l.t("expenses-date")}</th>
                        <th scope="col">{l.t("expenses-description")}</th>
                        <th scope="col">{l.t("orders-billing-account")}</th>
                        <th scope="col">{l.t("expenses-kind")}</th>
                        <th scope="col" class="num">{l.t("expenses-net")}</th>
                        <th scope="col" class="num">{l.t("expenses-vat")}</th>
                        <th scope="col" class="num">{l.t("expenses-gross")}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|line| view! { <LineRow line/> }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=l.t("pager-label")>
            {paged.then(|| view! { <A href=expenses_href(&filter, "") attr:class="button small">{l.t("orders-newest")}</A> })}
            {next.map(|n| view! { <A href=expenses_href(&filter, &n) attr:class="button small" attr:data-testid="expenses-next">{l.t("orders-older")}</A> })}
        </nav>
    }
    .into_any()
}

#[component]
fn LineRow(line: ExpenseRow) -> impl IntoView {
    let l = use_locale();
    let description = line.description_in(l);
    let gross = line.gross_minor();
    let refund = line.quantity < 0;
    view! {
        <tr data-testid="expense-row" data-id=line.expense_id.clone()>
            <td data-label=l.t("expenses-date") class="nowrap">{line.occurred.clone()}</td>
            <td data-label=l.t("expenses-description")>
                <A href=format!("/org/catalog/{}", line.service_id)>{description}</A>
            </td>
            <td data-label=l.t("orders-billing-account")>{line.billing_account_name.clone()}</td>
            <td data-label=l.t("expenses-kind")><span class=if refund { "badge badge-rejected" } else { "badge" }>{source_label_in(l, &line.source_kind)}</span></td>
            <td data-label=l.t("expenses-net") class="num nowrap">{money::format_in(l, line.net_minor, &line.currency)}</td>
            <td data-label=l.t("expenses-vat") class="num nowrap" title=l.t_args("expenses-vat-rate", &[("rate", money::format_rate_in(l, line.vat_rate_bp).into())])>{money::format_in(l, line.vat_minor, &line.currency)}</td>
            <td data-label=l.t("expenses-gross") class="num nowrap">{money::format_in(l, gross, &line.currency)}</td>
        </tr>
    }
}

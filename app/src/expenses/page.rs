//! `/org/expenses`: the ledger with its filters, the totals per billing
//! account and month, and the CSV export of the same selection.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::{
    expense_totals, list_expenses, source_label, Choice, ExpenseFilter, ExpenseKind, ExpenseList,
    ExpenseRow, ExpenseSums, ExportExpenses,
};
use crate::components::{error_of, field_error, general_error, href_with_query, percent_encode};
use crate::error::AppError;
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
        <Title text="Expenses — Coursegate"/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">"Customer organization"</p>
                    <h1>"Expenses"</h1>
                </div>
                <A href="/org" attr:class="button">"Dashboard"</A>
            </div>
            <p class="lead">"Every purchase and course fee charged to your billing accounts; refunds are negative lines. Months are in your organization's time zone."</p>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
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
    view! {
        <Form method="GET" action="/org/expenses" attr:class="filters" attr:role="search" attr:data-testid="expense-filters">
            <div class="field">
                <label for="expense-account">"Billing account"</label>
                <select id="expense-account" name="account" data-testid="expense-account">
                    <option value="">"All accounts"</option>
                    {options(accounts, filter.account.clone())}
                </select>
                <p class="field-error">{message("account")}</p>
            </div>
            <div class="field">
                <label for="expense-from">"From month"</label>
                <input id="expense-from" type="month" name="from" value=filter.from placeholder="2026-01" data-testid="expense-from"/>
                <p class="field-error">{message("from")}</p>
            </div>
            <div class="field">
                <label for="expense-to">"To month"</label>
                <input id="expense-to" type="month" name="to" value=filter.to placeholder="2026-12" data-testid="expense-to"/>
                <p class="field-error">{message("to")}</p>
            </div>
            <div class="field">
                <label for="expense-service">"Service"</label>
                <select id="expense-service" name="service" data-testid="expense-service">
                    <option value="">"All services"</option>
                    {options(services, filter.service.clone())}
                </select>
                <p class="field-error">{message("service")}</p>
            </div>
            <div class="field">
                <label for="expense-kind">"Kind"</label>
                <select id="expense-kind" name="kind" data-testid="expense-kind">
                    <option value="">"All kinds"</option>
                    {ExpenseKind::ALL.iter().map(|k| {
                        let is = k.code() == kind;
                        view! { <option value=k.code() selected=is>{k.label()}</option> }
                    }).collect_view()}
                </select>
                <p class="field-error">{message("kind")}</p>
            </div>
            <div class="filter-actions">
                <button type="submit" class="button primary" data-testid="expense-apply">"Filter"</button>
                <A href="/org/expenses" attr:class="button">"Clear"</A>
            </div>
        </Form>
    }
}

#[component]
fn TotalsCard(totals: ExpenseSums) -> impl IntoView {
    if totals.rows.is_empty() {
        return ().into_any();
    }
    view! {
        <div class="card">
            <h2>"Totals"</h2>
            <ul class="figure-list" data-testid="expense-overall">
                {totals.overall.into_iter().map(|t| view! {
                    <li>
                        <span class="figure-value">{money::format(t.gross_minor, &t.currency)}</span>
                        <span class="muted">{format!("{} net + {} VAT, {} lines", money::format(t.net_minor, &t.currency), money::format(t.vat_minor, &t.currency), t.lines)}</span>
                    </li>
                }).collect_view()}
            </ul>
            <div class="table-wrap">
                <table class="table" data-testid="expense-totals">
                    <thead>
                        <tr>
                            <th scope="col">"Month"</th>
                            <th scope="col">"Billing account"</th>
                            <th scope="col" class="num">"Lines"</th>
                            <th scope="col" class="num">"Net"</th>
                            <th scope="col" class="num">"VAT"</th>
                            <th scope="col" class="num">"Gross"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {totals.rows.into_iter().map(|t| view! {
                            <tr data-testid="expense-total-row">
                                <td data-label="Month" class="nowrap">{t.month}</td>
                                <td data-label="Billing account">{t.billing_account_name}</td>
                                <td data-label="Lines" class="num">{t.lines}</td>
                                <td data-label="Net" class="num nowrap">{money::format(t.net_minor, &t.currency)}</td>
                                <td data-label="VAT" class="num nowrap">{money::format(t.vat_minor, &t.currency)}</td>
                                <td data-label="Gross" class="num nowrap">{money::format(t.gross_minor, &t.currency)}</td>
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
                on:click=move |_| { export.dispatch(request.get_value()); }>"Prepare CSV of these lines"</button>
            {move || csv().map(|text| view! {
                <a class="button primary" download="expenses.csv" data-testid="expense-download"
                    href=format!("data:text/csv;charset=utf-8,{}", percent_encode(&text))>"Download expenses.csv"</a>
            })}
            {move || error().map(|m| view! { <span class="field-error" role="alert">{m}</span> })}
        </div>
    }
}

#[component]
fn LineTable(data: ExpenseList, filter: ExpenseFilter, paged: bool) -> impl IntoView {
    if data.rows.is_empty() {
        let text = if filter == ExpenseFilter::default() {
            "No expenses yet. Purchases and course fees show up here as soon as they are charged."
        } else {
            "No lines match these filters."
        };
        return view! { <p class="empty" data-testid="expenses-empty">{text}</p> }.into_any();
    }
    let next = data.next.clone();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="expenses-table">
                <thead>
                    <tr>
                        <th scope="col">"Date"</th>
                        <th scope="col">"Description"</th>
                        <th scope="col">"Billing account"</th>
                        <th scope="col">"Kind"</th>
                        <th scope="col" class="num">"Net"</th>
                        <th scope="col" class="num">"VAT"</th>
                        <th scope="col" class="num">"Gross"</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|line| view! { <LineRow line/> }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label="Pages">
            {paged.then(|| view! { <A href=expenses_href(&filter, "") attr:class="button small">"Newest"</A> })}
            {next.map(|n| view! { <A href=expenses_href(&filter, &n) attr:class="button small" attr:data-testid="expenses-next">"Older"</A> })}
        </nav>
    }
    .into_any()
}

#[component]
fn LineRow(line: ExpenseRow) -> impl IntoView {
    let gross = line.gross_minor();
    let refund = line.quantity < 0;
    view! {
        <tr data-testid="expense-row" data-id=line.expense_id.clone()>
            <td data-label="Date" class="nowrap">{line.occurred.clone()}</td>
            <td data-label="Description">
                <A href=format!("/org/catalog/{}", line.service_id)>{line.description.clone()}</A>
            </td>
            <td data-label="Billing account">{line.billing_account_name.clone()}</td>
            <td data-label="Kind"><span class=if refund { "badge badge-rejected" } else { "badge" }>{source_label(&line.source_kind)}</span></td>
            <td data-label="Net" class="num nowrap">{money::format(line.net_minor, &line.currency)}</td>
            <td data-label="VAT" class="num nowrap" title=format!("VAT {}", money::format_rate(line.vat_rate_bp))>{money::format(line.vat_minor, &line.currency)}</td>
            <td data-label="Gross" class="num nowrap">{money::format(gross, &line.currency)}</td>
        </tr>
    }
}

//! `/org`: the Customer admin's home. Key figures that link to the lists
//! behind them, spend and seat charts, recent activity and the
//! organization's own card.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::{action_label, org_dashboard, Dashboard, UtilizationRow};
use crate::charts::{BarChart, Scale, Series};
use crate::components::href_with_query;
use crate::error::AppError;
use crate::format;
use crate::i18n::{use_locale, Locale};
use crate::money;
use crate::when::When;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let l = use_locale();
    let data = Resource::new(|| (), |_| org_dashboard());
    view! {
        <Title text=l.t("dashboard-title")/>
        <section class="page wide">
            <Suspense fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(dashboard) => view! { <DashboardBody dashboard/> }.into_any(),
                        Err(e) => view! {
                            <h1>{l.t("nav-dashboard")}</h1>
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div>
                            {matches!(e, AppError::Unauthorized).then(|| view! { <a class="button primary" href="/sign-in">{l.t("nav-sign-in")}</a> })}
                        }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The seat chart's data per service: seats paid for (ordered, plus places
/// charged as course fees) and seats used (every accepted place), so a
/// course paid through its application fee shows up as well as one bought
/// ahead.
pub fn seat_series(rows: &[UtilizationRow]) -> (Vec<String>, Vec<Series>) {
    let l = use_locale();
    (
        rows.iter().map(|r| r.title.clone()).collect(),
        vec![
            Series {
                name: l.t("dashboard-seats-paid"),
                values: rows
                    .iter()
                    .map(|r| r.seats_bought + r.seats_charged)
                    .collect(),
            },
            Series {
                name: l.t("dashboard-seats-used"),
                values: rows
                    .iter()
                    .map(|r| r.seats_used + r.seats_charged)
                    .collect(),
            },
        ],
    )
}

#[component]
fn DashboardBody(dashboard: Dashboard) -> impl IntoView {
    let l = use_locale();
    let active = dashboard.status == "active";
    let month = dashboard.this_month.clone();
    let spend_links = if dashboard.spend_this_month.is_empty() {
        view! {
            <A href=href_with_query("/org/expenses", &[("from", &month), ("to", &month)]) attr:class="figure" attr:data-testid="figure-spend">
                <span class="figure-value">{money::format_in(l, 0, "EUR")}</span>
                <span class="figure-label">{l.t("dashboard-spent-this-month")}</span>
            </A>
        }
        .into_any()
    } else {
        dashboard
            .spend_this_month
            .clone()
            .into_iter()
            .map(|s| {
                let href = href_with_query(
                    "/org/expenses",
                    &[("account", &s.billing_account_id), ("from", &month), ("to", &month)],
                );
                view! {
                    <A href=href attr:class="figure" attr:data-testid="figure-spend">
                        <span class="figure-value">{money::format_in(l, s.gross_minor, &s.currency)}</span>
                        <span class="figure-label">{l.t_args("dashboard-this-month-on", &[("account", s.name.clone().into())])}</span>
                    </A>
                }
            })
            .collect_view()
            .into_any()
    };

    // The chart's categories are `YYYY-MM` keys; people read month names.
    let months: Vec<String> = dashboard
        .months
        .iter()
        .map(|m| format::month_label(l, m))
        .collect();
    let spend_charts = if dashboard.spend_by_month.is_empty() {
        view! {
            <BarChart id="spend" title=l.t("dashboard-spend-chart") categories=months.clone()
                series=Vec::new() scale=Scale::Count empty=l.t("dashboard-spend-empty")/>
        }
        .into_any()
    } else {
        dashboard
            .spend_by_month
            .clone()
            .into_iter()
            .map(|c| {
                view! {
                    <BarChart id=format!("spend-{}", c.currency.to_lowercase())
                        title=l.t_args("dashboard-spend-chart-in", &[("currency", c.currency.clone().into())])
                        categories=months.clone()
                        series=vec![Series { name: c.currency.clone(), values: c.values }]
                        scale=Scale::Money(c.currency.clone())
                        empty=l.t_args("dashboard-spend-empty-in", &[("currency", c.currency.clone().into())])/>
                }
            })
            .collect_view()
            .into_any()
    };
    let (seat_categories, seat_values) = seat_series(&dashboard.seats);

    view! {
        <div class="page-head">
            <div>
                <p class="eyebrow">{l.t("dashboard-eyebrow")}</p>
                <h1 data-testid="org-name">{dashboard.legal_name.clone()}</h1>
                <p class="status-line">
                    <span class=format!("badge badge-{}", dashboard.status) data-testid="org-status">
                        {if active { l.t("dashboard-active") } else { l.t("dashboard-suspended") }}
                    </span>
                    <span class="muted">{l.t_args("dashboard-customer-since", &[("date", dashboard.customer_since.clone().into())])}</span>
                </p>
            </div>
            <div class="row-actions">
                <A href="/org/catalog" attr:class="button primary">{l.t("dashboard-browse-catalog")}</A>
                <a class="button" href="/org/details" data-testid="edit-org-details">{l.t("org-details-heading")}</a>
            </div>
        </div>

        <h2 class="visually-hidden">{l.t("dashboard-key-figures")}</h2>
        <div class="figures" data-testid="key-figures">
            <A href="/org/orders" attr:class="figure" attr:data-testid="figure-open-orders">
                <span class="figure-value">{dashboard.open_orders}</span>
                <span class="figure-label">{l.t("dashboard-open-orders")}</span>
            </A>
            <A href="/org/courses" attr:class="figure" attr:data-testid="figure-upcoming-courses">
                <span class="figure-value">{dashboard.upcoming_courses}</span>
                <span class="figure-label">{l.t("dashboard-upcoming-courses")}</span>
            </A>
            <A href="/org/attendees" attr:class="figure" attr:data-testid="figure-attendees">
                <span class="figure-value">{dashboard.attendees}</span>
                <span class="figure-label">{l.t("nav-attendees")}</span>
            </A>
            {spend_links}
        </div>

        <div class="grid-2 dashboard-charts">
            <div class="card">
                <h2>{l.t("dashboard-spend")}</h2>
                {spend_charts}
                <A href="/org/expenses">{l.t("dashboard-all-expenses")}</A>
            </div>
            <div class="card">
                <h2>{l.t("dashboard-seats")}</h2>
                <BarChart id="seats" title=l.t("dashboard-seats-chart") categories=seat_categories
                    series=seat_values scale=Scale::Count empty=l.t("dashboard-seats-empty")/>
                <A href="/org/utilization">{l.t("dashboard-utilization-link")}</A>
            </div>
        </div>

        <div class="grid-2">
            <div class="card">
                <h2>{l.t("dashboard-recent-activity")}</h2>
                {if dashboard.activity.is_empty() {
                    view! { <p class="muted" data-testid="activity-empty">{l.t("dashboard-activity-empty")}</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline" data-testid="activity">
                            {dashboard.activity.into_iter().map(|a| view! {
                                <li data-testid="activity-item">
                                    <span class="timeline-when"><When stamp=a.when/>" · "{a.actor}</span>
                                    <span class="timeline-what">{activity_label(l, &a.action)}</span>
                                    {(!a.detail.is_empty()).then(|| view! { <p class="timeline-message">{a.detail}</p> })}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </div>
            <div class="card">
                <h2>{l.t("dashboard-your-account")}</h2>
                <dl class="facts">
                    <dt>{l.t("dashboard-signed-in-as")}</dt><dd data-testid="org-admin-email">{dashboard.admin_email.clone()}</dd>
                    <dt>{l.t("dashboard-role")}</dt><dd>{l.t("dashboard-role-text")}</dd>
                </dl>
                <p><a href="/org/details">{l.t("dashboard-address-link")}</a>" · "<A href="/org/billing">{l.t("nav-billing")}</A></p>
            </div>
        </div>
    }
}

/// An audit action in the page's language: the known ones have a phrase
/// of their own; any other reads as its code made into words.
pub fn activity_label(l: Locale, action: &str) -> String {
    let key = format!("activity-{}", action.replace(['.', '_'], "-"));
    let text = l.t(&key);
    if text == key {
        action_label(action)
    } else {
        text
    }
}

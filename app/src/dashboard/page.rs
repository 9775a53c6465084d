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
use crate::money;
use crate::when::When;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| org_dashboard());
    view! {
        <Title text="Dashboard — Coursegate"/>
        <section class="page wide">
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(dashboard) => view! { <DashboardBody dashboard/> }.into_any(),
                        Err(e) => view! {
                            <h1>"Dashboard"</h1>
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div>
                            {matches!(e, AppError::Unauthorized).then(|| view! { <a class="button primary" href="/sign-in">"Sign in"</a> })}
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
    (
        rows.iter().map(|r| r.title.clone()).collect(),
        vec![
            Series {
                name: "Seats paid for".into(),
                values: rows
                    .iter()
                    .map(|r| r.seats_bought + r.seats_charged)
                    .collect(),
            },
            Series {
                name: "Seats used".into(),
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
    let active = dashboard.status == "active";
    let month = dashboard.this_month.clone();
    let spend_links = if dashboard.spend_this_month.is_empty() {
        view! {
            <A href=href_with_query("/org/expenses", &[("from", &month), ("to", &month)]) attr:class="figure" attr:data-testid="figure-spend">
                <span class="figure-value">"0.00"</span>
                <span class="figure-label">"Spent this month"</span>
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
                        <span class="figure-value">{money::format(s.gross_minor, &s.currency)}</span>
                        <span class="figure-label">{format!("This month on {}", s.name)}</span>
                    </A>
                }
            })
            .collect_view()
            .into_any()
    };

    let spend_charts = if dashboard.spend_by_month.is_empty() {
        view! {
            <BarChart id="spend" title="Spend per month, incl. VAT" categories=dashboard.months.clone()
                series=Vec::new() scale=Scale::Count empty="No spending in the last twelve months."/>
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
                        title=format!("Spend per month in {}, incl. VAT", c.currency)
                        categories=dashboard.months.clone()
                        series=vec![Series { name: c.currency.clone(), values: c.values }]
                        scale=Scale::Money(c.currency.clone())
                        empty=format!("No spending in {} in the last twelve months.", c.currency)/>
                }
            })
            .collect_view()
            .into_any()
    };
    let (seat_categories, seat_values) = seat_series(&dashboard.seats);

    view! {
        <div class="page-head">
            <div>
                <p class="eyebrow">"Customer organization"</p>
                <h1 data-testid="org-name">{dashboard.legal_name.clone()}</h1>
                <p class="status-line">
                    <span class=format!("badge badge-{}", dashboard.status) data-testid="org-status">
                        {if active { "Active customer" } else { "Suspended" }}
                    </span>
                    <span class="muted">{format!("Customer since {}", dashboard.customer_since)}</span>
                </p>
            </div>
            <div class="row-actions">
                <A href="/org/catalog" attr:class="button primary">"Browse the catalog"</A>
                <a class="button" href="/org/details" data-testid="edit-org-details">"Organization details"</a>
            </div>
        </div>

        <h2 class="visually-hidden">"Key figures"</h2>
        <div class="figures" data-testid="key-figures">
            <A href="/org/orders" attr:class="figure" attr:data-testid="figure-open-orders">
                <span class="figure-value">{dashboard.open_orders}</span>
                <span class="figure-label">"Open orders"</span>
            </A>
            <A href="/org/courses" attr:class="figure" attr:data-testid="figure-upcoming-courses">
                <span class="figure-value">{dashboard.upcoming_courses}</span>
                <span class="figure-label">"Upcoming courses"</span>
            </A>
            <A href="/org/attendees" attr:class="figure" attr:data-testid="figure-attendees">
                <span class="figure-value">{dashboard.attendees}</span>
                <span class="figure-label">"Attendees"</span>
            </A>
            {spend_links}
        </div>

        <div class="grid-2 dashboard-charts">
            <div class="card">
                <h2>"Spend"</h2>
                {spend_charts}
                <A href="/org/expenses">"All expenses"</A>
            </div>
            <div class="card">
                <h2>"Seats"</h2>
                <BarChart id="seats" title="Seats paid for and used per service" categories=seat_categories
                    series=seat_values scale=Scale::Count empty="No seats bought or used yet."/>
                <A href="/org/utilization">"Utilization per service"</A>
            </div>
        </div>

        <div class="grid-2">
            <div class="card">
                <h2>"Recent activity"</h2>
                {if dashboard.activity.is_empty() {
                    view! { <p class="muted" data-testid="activity-empty">"Nothing has happened yet."</p> }.into_any()
                } else {
                    view! {
                        <ol class="timeline" data-testid="activity">
                            {dashboard.activity.into_iter().map(|a| view! {
                                <li data-testid="activity-item">
                                    <span class="timeline-when"><When stamp=a.when/>" · "{a.actor}</span>
                                    <span class="timeline-what">{action_label(&a.action)}</span>
                                    {(!a.detail.is_empty()).then(|| view! { <p class="timeline-message">{a.detail}</p> })}
                                </li>
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }}
            </div>
            <div class="card">
                <h2>"Your account"</h2>
                <dl class="facts">
                    <dt>"Signed in as"</dt><dd data-testid="org-admin-email">{dashboard.admin_email.clone()}</dd>
                    <dt>"Role"</dt><dd>"Customer admin — the organization's single point of contact"</dd>
                </dl>
                <p><a href="/org/details">"Address and contact details"</a>" · "<A href="/org/billing">"Billing accounts"</A></p>
            </div>
        </div>
    }
}

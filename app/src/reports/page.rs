//! `/admin/reports`: the platform's figures for system administrators.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{admin_reports, duration_label, Reports, ServiceRevenue};
use crate::charts::{BarChart, Scale, Series};
use crate::money;

/// Services on each revenue and utilization chart; the tables list more.
const CHART_SERVICES: usize = 10;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| admin_reports());
    view! {
        <Title text="Reports — Coursegate"/>
        <section class="page wide">
            <p class="eyebrow">"System administration"</p>
            <h1>"Platform reports"</h1>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(reports) => view! { <ReportsBody reports/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

/// The top services of one currency, for its revenue chart.
fn revenue_chart(currency: &str, rows: &[ServiceRevenue]) -> (Vec<String>, Vec<Series>) {
    let top: Vec<&ServiceRevenue> = rows
        .iter()
        .filter(|r| r.currency == currency)
        .take(CHART_SERVICES)
        .collect();
    (
        top.iter().map(|r| r.title.clone()).collect(),
        vec![Series {
            name: format!("Gross {currency}"),
            values: top.iter().map(|r| r.gross_minor).collect(),
        }],
    )
}

#[component]
fn ReportsBody(reports: Reports) -> impl IntoView {
    let week_labels: Vec<String> = reports.weeks.iter().map(|w| w.week.clone()).collect();
    let week_series = vec![Series {
        name: "Applications".into(),
        values: reports.weeks.iter().map(|w| w.count).collect(),
    }];
    let total_weeks: i64 = reports.weeks.iter().map(|w| w.count).sum();

    let mut currencies: Vec<String> = reports.revenue.iter().map(|r| r.currency.clone()).collect();
    currencies.sort();
    currencies.dedup();
    let revenue_charts = currencies
        .iter()
        .map(|c| {
            let (categories, series) = revenue_chart(c, &reports.revenue);
            view! {
                <BarChart id=format!("revenue-{}", c.to_lowercase()) title=format!("Revenue per service in {c}, incl. VAT")
                    categories series scale=Scale::Money(c.clone()) empty=format!("No revenue in {c} yet.")/>
            }
        })
        .collect_view();

    let limited: Vec<_> = reports
        .utilization
        .iter()
        .filter(|u| u.capacity.is_some())
        .take(CHART_SERVICES)
        .collect();
    let seat_categories: Vec<String> = limited.iter().map(|u| u.title.clone()).collect();
    let seat_series = vec![
        Series {
            name: "Seats sold".into(),
            values: limited.iter().map(|u| u.seats_sold).collect(),
        },
        Series {
            name: "Capacity".into(),
            values: limited.iter().map(|u| u.capacity.unwrap_or(0)).collect(),
        },
    ];
    let decisions = reports.decisions.clone();

    view! {
        <div class="grid-2">
            <div class="card">
                <h2>"Applications per week"</h2>
                <p class="muted">{format!("{total_weeks} in the last {} weeks; weeks start on Monday.", reports.weeks.len())}</p>
                <BarChart id="weeks" title="Applications per week" categories=week_labels series=week_series
                    scale=Scale::Count empty="No applications in the last twelve weeks."/>
            </div>
            <div class="card">
                <h2>"Time to decision"</h2>
                <dl class="facts" data-testid="decision-times">
                    <dt>"Decided"</dt><dd data-testid="decided-count">{decisions.decided}" applications (approved or rejected)"</dd>
                    <dt>"Median"</dt><dd data-testid="decision-median">{decisions.median_ms.map_or_else(|| "—".to_string(), duration_label)}</dd>
                    <dt>"Average"</dt><dd data-testid="decision-average">{decisions.average_ms.map_or_else(|| "—".to_string(), duration_label)}</dd>
                </dl>
                <p class="muted">"From submission to the decision, over every decided application."</p>
            </div>
        </div>

        <div class="card">
            <h2>"Revenue per service"</h2>
            <p class="muted">"The sum of every expense line, refunds subtracted."</p>
            {if currencies.is_empty() {
                view! { <p class="chart-empty" data-testid="revenue-empty">"No revenue yet."</p> }.into_any()
            } else {
                view! {
                    <div class="grid-2">{revenue_charts}</div>
                    <div class="table-wrap">
                        <table class="table" data-testid="revenue-table">
                            <thead>
                                <tr>
                                    <th scope="col">"Service"</th>
                                    <th scope="col" class="num">"Lines"</th>
                                    <th scope="col" class="num">"Net"</th>
                                    <th scope="col" class="num">"Gross"</th>
                                </tr>
                            </thead>
                            <tbody>
                                {reports.revenue.iter().map(|r| view! {
                                    <tr data-testid="revenue-row" data-id=r.service_id.clone()>
                                        <td data-label="Service"><a href=format!("/admin/catalog/{}", r.service_id)>{r.title.clone()}</a></td>
                                        <td data-label="Lines" class="num">{r.lines}</td>
                                        <td data-label="Net" class="num nowrap">{money::format(r.net_minor, &r.currency)}</td>
                                        <td data-label="Gross" class="num nowrap">{money::format(r.gross_minor, &r.currency)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </div>

        <div class="card">
            <h2>"Utilization per service"</h2>
            <BarChart id="capacity" title="Seats sold and capacity per service" categories=seat_categories
                series=seat_series scale=Scale::Count empty="No services with a seat limit yet."/>
            {(!reports.utilization.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table class="table" data-testid="utilization-table">
                        <thead>
                            <tr>
                                <th scope="col">"Service"</th>
                                <th scope="col">"Starts"</th>
                                <th scope="col">"Status"</th>
                                <th scope="col">"Seats sold"</th>
                            </tr>
                        </thead>
                        <tbody>
                            {reports.utilization.iter().map(|u| view! {
                                <tr data-testid="capacity-row" data-id=u.service_id.clone()>
                                    <td data-label="Service"><a href=format!("/admin/catalog/{}", u.service_id)>{u.title.clone()}</a></td>
                                    <td data-label="Starts" class="nowrap">{u.starts.clone().unwrap_or_else(|| "—".into())}</td>
                                    <td data-label="Status"><span class="badge">{u.status.clone()}</span></td>
                                    <td data-label="Seats sold">{u.label()}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </div>
    }
}

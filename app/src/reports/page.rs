//! `/admin/reports`: the platform's figures for system administrators.

use leptos::prelude::*;
use leptos_meta::Title;

use super::{admin_reports, duration_label, Reports, ServiceRevenue};
use crate::charts::{BarChart, Scale, Series};
use crate::i18n::{use_locale, Locale};
use crate::money;

/// Services on each revenue and utilization chart; the tables list more.
const CHART_SERVICES: usize = 10;

#[component]
pub fn ReportsPage() -> impl IntoView {
    let l = use_locale();
    let data = Resource::new(|| (), |_| admin_reports());
    view! {
        <Title text=l.t("reports-title")/>
        <section class="page wide">
            <p class="eyebrow">{l.t("reports-eyebrow")}</p>
            <h1>{l.t("reports-heading")}</h1>
            <Suspense fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
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
fn revenue_chart(l: Locale, currency: &str, rows: &[ServiceRevenue]) -> (Vec<String>, Vec<Series>) {
    let top: Vec<&ServiceRevenue> = rows
        .iter()
        .filter(|r| r.currency == currency)
        .take(CHART_SERVICES)
        .collect();
    (
        top.iter().map(|r| r.title.clone()).collect(),
        vec![Series {
            name: l.t_args("reports-gross-in", &[("currency", currency.into())]),
            values: top.iter().map(|r| r.gross_minor).collect(),
        }],
    )
}

/// A week's Monday (`YYYY-MM-DD`) as readers of `l` write a date; left as
/// it is if it is not such a date.
fn week_label(l: Locale, monday: &str) -> String {
    let parts: Vec<&str> = monday.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return monday.to_string();
    };
    let number = |s: &str| s.trim_start_matches('0').to_string();
    l.t_args(
        "reports-week-of",
        &[
            ("iso", monday.into()),
            ("year", (*year).into()),
            ("month", number(month).into()),
            ("day", number(day).into()),
        ],
    )
}

#[component]
fn ReportsBody(reports: Reports) -> impl IntoView {
    let l = use_locale();
    let week_labels: Vec<String> = reports
        .weeks
        .iter()
        .map(|w| week_label(l, &w.week))
        .collect();
    let week_series = vec![Series {
        name: l.t("reports-applications"),
        values: reports.weeks.iter().map(|w| w.count).collect(),
    }];
    let total_weeks: i64 = reports.weeks.iter().map(|w| w.count).sum();

    let mut currencies: Vec<String> = reports.revenue.iter().map(|r| r.currency.clone()).collect();
    currencies.sort();
    currencies.dedup();
    let revenue_charts = currencies
        .iter()
        .map(|c| {
            let (categories, series) = revenue_chart(l, c, &reports.revenue);
            let currency = || [("currency", c.as_str().into())];
            view! {
                <BarChart id=format!("revenue-{}", c.to_lowercase()) title=l.t_args("reports-revenue-chart", &currency())
                    categories series scale=Scale::Money(c.clone()) empty=l.t_args("reports-revenue-none-in", &currency())/>
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
            name: l.t("reports-seats-sold"),
            values: limited.iter().map(|u| u.seats_sold).collect(),
        },
        Series {
            name: l.t("reports-capacity"),
            values: limited.iter().map(|u| u.capacity.unwrap_or(0)).collect(),
        },
    ];
    let decisions = reports.decisions.clone();

    view! {
        <div class="grid-2">
            <div class="card">
                <h2>{l.t("reports-per-week")}</h2>
                <p class="muted">{l.t_args("reports-per-week-total", &[("count", total_weeks.into()), ("weeks", reports.weeks.len().into())])}</p>
                <BarChart id="weeks" title=l.t("reports-per-week") categories=week_labels series=week_series
                    scale=Scale::Count empty=l.t("reports-per-week-none")/>
            </div>
            <div class="card">
                <h2>{l.t("reports-decision")}</h2>
                <dl class="facts" data-testid="decision-times">
                    <dt>{l.t("reports-decided")}</dt><dd data-testid="decided-count">{l.t_args("reports-decided-count", &[("count", decisions.decided.into())])}</dd>
                    <dt>{l.t("reports-median")}</dt><dd data-testid="decision-median">{decisions.median_ms.map_or_else(|| "—".to_string(), |ms| duration_label(l, ms))}</dd>
                    <dt>{l.t("reports-average")}</dt><dd data-testid="decision-average">{decisions.average_ms.map_or_else(|| "—".to_string(), |ms| duration_label(l, ms))}</dd>
                </dl>
                <p class="muted">{l.t("reports-decision-hint")}</p>
            </div>
        </div>

        <div class="card">
            <h2>{l.t("reports-revenue")}</h2>
            <p class="muted">{l.t("reports-revenue-hint")}</p>
            {if currencies.is_empty() {
                view! { <p class="chart-empty" data-testid="revenue-empty">{l.t("reports-revenue-none")}</p> }.into_any()
            } else {
                view! {
                    <div class="grid-2">{revenue_charts}</div>
                    <div class="table-wrap">
                        <table class="table" data-testid="revenue-table">
                            <thead>
                                <tr>
                                    <th scope="col">{l.t("reports-col-service")}</th>
                                    <th scope="col" class="num">{l.t("reports-col-lines")}</th>
                                    <th scope="col" class="num">{l.t("reports-col-net")}</th>
                                    <th scope="col" class="num">{l.t("reports-col-gross")}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {reports.revenue.iter().map(|r| view! {
                                    <tr data-testid="revenue-row" data-id=r.service_id.clone()>
                                        <td data-label=l.t("reports-col-service")><a href=format!("/admin/catalog/{}", r.service_id)>{r.title.clone()}</a></td>
                                        <td data-label=l.t("reports-col-lines") class="num">{crate::format::number(l, r.lines, 0)}</td>
                                        <td data-label=l.t("reports-col-net") class="num nowrap">{money::format_in(l, r.net_minor, &r.currency)}</td>
                                        <td data-label=l.t("reports-col-gross") class="num nowrap">{money::format_in(l, r.gross_minor, &r.currency)}</td>
                                    </tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                }.into_any()
            }}
        </div>

        <div class="card">
            <h2>{l.t("reports-utilization")}</h2>
            <BarChart id="capacity" title=l.t("reports-utilization-chart") categories=seat_categories
                series=seat_series scale=Scale::Count empty=l.t("reports-utilization-none")/>
            {(!reports.utilization.is_empty()).then(|| view! {
                <div class="table-wrap">
                    <table class="table" data-testid="utilization-table">
                        <thead>
                            <tr>
                                <th scope="col">{l.t("reports-col-service")}</th>
                                <th scope="col">{l.t("reports-col-starts")}</th>
                                <th scope="col">{l.t("reports-col-status")}</th>
                                <th scope="col">{l.t("reports-seats-sold")}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {reports.utilization.iter().map(|u| view! {
                                <tr data-testid="capacity-row" data-id=u.service_id.clone()>
                                    <td data-label=l.t("reports-col-service")><a href=format!("/admin/catalog/{}", u.service_id)>{u.title.clone()}</a></td>
                                    <td data-label=l.t("reports-col-starts") class="nowrap">{u.starts.clone().unwrap_or_else(|| "—".into())}</td>
                                    <td data-label=l.t("reports-col-status")><span class="badge">{l.t(&format!("catalog-admin-status-{}", u.status))}</span></td>
                                    <td data-label=l.t("reports-seats-sold")>{u.label(l)}</td>
                                </tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            })}
        </div>
    }
}

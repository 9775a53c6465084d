//! `/org/utilization`: per service, the seats the organization bought and
//! how many its accepted course applications use, course-fee seats, and
//! attendance.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::page::seat_series;
use super::{org_utilization, percent, Utilization, UtilizationRow};
use crate::charts::{BarChart, Scale};
use crate::i18n::{use_locale, Locale};

/// `3 of 4 (75 %)` attended of marked, or "not marked yet", in `l`.
fn attendance(l: Locale, row: &UtilizationRow) -> String {
    if row.marked == 0 {
        l.t("utilization-not-marked")
    } else {
        l.t_args(
            "reports-seats-of",
            &[
                ("sold", row.attended.into()),
                ("capacity", row.marked.into()),
                ("percent", percent(row.attended, row.marked).into()),
            ],
        )
    }
}

#[component]
pub fn UtilizationPage() -> impl IntoView {
    let l = use_locale();
    let data = Resource::new(|| (), |_| org_utilization());
    view! {
        <Title text=l.t("utilization-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("support-eyebrow")}</p>
                    <h1>{l.t("utilization-heading")}</h1>
                </div>
                <A href="/org" attr:class="button">{l.t("nav-dashboard")}</A>
            </div>
            <p class="lead">{l.t("utilization-lead")}</p>
            <Suspense fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <UtilizationBody data/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn UtilizationBody(data: Utilization) -> impl IntoView {
    let l = use_locale();
    if data.rows.is_empty() {
        return view! {
            <p class="empty" data-testid="utilization-empty">{l.t("utilization-empty")} " " <A href="/org/catalog">{l.t("utilization-empty-catalog")}</A></p>
        }
        .into_any();
    }
    let (categories, mut series) = seat_series(&data.rows);
    // The shared helper names the series in English; this page says them
    // in the reader's language.
    for (s, key) in series
        .iter_mut()
        .zip(["utilization-seats-paid", "utilization-seats-used"])
    {
        s.name = l.t(key);
    }
    view! {
        <div class="card">
            <BarChart id="utilization" title=l.t("utilization-chart") categories series
                scale=Scale::Count empty=l.t("utilization-chart-empty")/>
        </div>
        <div class="table-wrap">
            <table class="table" data-testid="utilization-table">
                <thead>
                    <tr>
                        <th scope="col">{l.t("reports-col-service")}</th>
                        <th scope="col" class="num">{l.t("utilization-col-bought")}</th>
                        <th scope="col" class="num">{l.t("utilization-seats-used")}</th>
                        <th scope="col" class="num">{l.t("utilization-col-charged")}</th>
                        <th scope="col" class="num">{l.t("utilization-col-accepted")}</th>
                        <th scope="col">{l.t("utilization-col-attendance")}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|row| {
                        let attendance = attendance(l, &row);
                        view! {
                            <tr data-testid="utilization-row" data-id=row.service_id.clone()>
                                <td data-label=l.t("reports-col-service")>
                                    <A href=format!("/org/catalog/{}", row.service_id)>{row.title.clone()}</A>
                                    {row.starts.clone().map(|s| view! { <div class="muted">{l.t_args("utilization-starts", &[("when", s.into())])}</div> })}
                                </td>
                                <td data-label=l.t("utilization-col-bought") class="num">{row.seats_bought}</td>
                                <td data-label=l.t("utilization-seats-used") class="num">{row.seats_used}</td>
                                <td data-label=l.t("utilization-col-charged") class="num">{row.seats_charged}</td>
                                <td data-label=l.t("utilization-col-accepted") class="num">{row.attendees_accepted}</td>
                                <td data-label=l.t("utilization-col-attendance")>{attendance}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

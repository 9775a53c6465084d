//! `/org/utilization`: per service, the seats the organization bought and
//! how many its accepted course applications use, course-fee seats, and
//! attendance.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::page::seat_series;
use super::{org_utilization, Utilization};
use crate::charts::{BarChart, Scale};

#[component]
pub fn UtilizationPage() -> impl IntoView {
    let data = Resource::new(|| (), |_| org_utilization());
    view! {
        <Title text="Utilization — Coursegate"/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">"Customer organization"</p>
                    <h1>"Utilization"</h1>
                </div>
                <A href="/org" attr:class="button">"Dashboard"</A>
            </div>
            <p class="lead">"Seats you bought and how many of them your accepted course applications use; seats beyond those are charged as course fees."</p>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
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
    if data.rows.is_empty() {
        return view! {
            <p class="empty" data-testid="utilization-empty">"Nothing bought or applied for yet. Find a course or service in the " <A href="/org/catalog">"catalog"</A> "."</p>
        }
        .into_any();
    }
    let (categories, series) = seat_series(&data.rows);
    view! {
        <div class="card">
            <BarChart id="utilization" title="Seats paid for and used per service" categories series
                scale=Scale::Count empty="No seats bought or used yet."/>
        </div>
        <div class="table-wrap">
            <table class="table" data-testid="utilization-table">
                <thead>
                    <tr>
                        <th scope="col">"Service"</th>
                        <th scope="col" class="num">"Seats bought"</th>
                        <th scope="col" class="num">"Seats used"</th>
                        <th scope="col" class="num">"Charged as course fees"</th>
                        <th scope="col" class="num">"Attendees accepted"</th>
                        <th scope="col">"Attendance"</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|row| {
                        let attendance = row.attendance();
                        view! {
                            <tr data-testid="utilization-row" data-id=row.service_id.clone()>
                                <td data-label="Service">
                                    <A href=format!("/org/catalog/{}", row.service_id)>{row.title.clone()}</A>
                                    {row.starts.clone().map(|s| view! { <div class="muted">{format!("Starts {s}")}</div> })}
                                </td>
                                <td data-label="Seats bought" class="num">{row.seats_bought}</td>
                                <td data-label="Seats used" class="num">{row.seats_used}</td>
                                <td data-label="Charged as course fees" class="num">{row.seats_charged}</td>
                                <td data-label="Attendees accepted" class="num">{row.attendees_accepted}</td>
                                <td data-label="Attendance">{attendance}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
    .into_any()
}

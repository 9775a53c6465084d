//! The application queue: counts per status, filter, search, oldest first,
//! paging, and new applications appearing without a reload.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::{list_applications, queue_counts, QueuePageData};
use crate::applications::Status;
use crate::components::{href_with_query, StatusBadge};
use crate::i18n::use_locale;
use crate::when::When;

/// How often the console asks whether the queue changed. Polling a cheap
/// query keeps the web servers stateless: any server behind a load balancer
/// can answer, with no fan-out of events between them.
#[cfg(feature = "hydrate")]
const POLL_EVERY: std::time::Duration = std::time::Duration::from_secs(2);

fn query_string(status: &str, q: &str, after: &str) -> String {
    href_with_query(
        "/admin/applications",
        &[("status", status), ("q", q), ("after", after)],
    )
}

#[component]
pub fn QueuePage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let status = move || query.read().get("status").unwrap_or_default();
    let q = move || query.read().get("q").unwrap_or_default();
    let after = move || query.read().get("after").unwrap_or_default();

    let tick = RwSignal::new(0u32);
    #[cfg(feature = "hydrate")]
    {
        if let Ok(handle) = set_interval_with_handle(move || tick.update(|t| *t += 1), POLL_EVERY) {
            on_cleanup(move || handle.clear());
        }
    }
    let counts = Resource::new(move || tick.get(), |_| queue_counts());
    let page = Resource::new(
        move || (status(), q(), after()),
        |(status, q, after)| list_applications(status, q, after),
    );
    // Refetch the visible page when anything in the queue changed.
    let changed = Memo::new(move |_| counts.get().and_then(Result::ok).map(|c| c.changed_at));
    Effect::new(move |previous: Option<Option<i64>>| {
        let now = changed.get();
        if let Some(Some(before)) = previous {
            if now.is_some() && now != Some(before) {
                page.refetch();
            }
        }
        now
    });

    let tabs = move || {
        let current = status();
        let data = counts.get().and_then(Result::ok);
        let count_of = |s: Option<Status>| -> Option<i64> {
            data.as_ref().map(|d| match s {
                Some(s) => d
                    .counts
                    .iter()
                    .find(|(c, _)| *c == s)
                    .map(|(_, n)| *n)
                    .unwrap_or(0),
                None => d.counts.iter().map(|(_, n)| n).sum(),
            })
        };
        let mut items = vec![(String::new(), l.t("queue-all"), count_of(None))];
        for s in Status::ALL {
            items.push((
                s.code().to_string(),
                l.t(&format!("state-{}", s.code())),
                count_of(Some(s)),
            ));
        }
        items
            .into_iter()
            .map(|(code, label, n)| {
                let active = code == current;
                let href = query_string(&code, &q(), "");
                let testid = format!("count-{}", if code.is_empty() { "all" } else { &code });
                view! {
                    <A href=href attr:class=if active { "tab active" } else { "tab" } attr:aria-current=active.then_some("page")>
                        {label}
                        <span class="tab-count" data-testid=testid>{n.map(|n| n.to_string()).unwrap_or_else(|| "…".into())}</span>
                    </A>
                }
            })
            .collect_view()
    };

    view! {
        <Title text=l.t("queue-title")/>
        <section class="page wide">
            <div class="page-head">
                <h1>{l.t("queue-heading")}</h1>
                <Form method="GET" action="/admin/applications" attr:class="search" attr:role="search">
                    <input type="hidden" name="status" value=status/>
                    <input type="search" name="q" value=q placeholder=l.t("queue-search-placeholder")
                        aria-label=l.t("queue-search-label") data-testid="queue-search"/>
                    <button type="submit" class="button">{l.t("queue-search")}</button>
                </Form>
            </div>
            // The counts are read inside a boundary of their own: read directly
            // under the page's gate, their arrival would make the gate's
            // Suspense render the page again during server rendering, with
            // new resources to wait for, over and over.
            <nav class="tabs" aria-label=l.t("queue-filter-label") data-testid="queue-tabs">
                <Transition fallback=|| ()>{tabs}</Transition>
            </nav>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(data) => view! { <QueueTable data status=status() q=q() paged=!after().is_empty()/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn QueueTable(data: QueuePageData, status: String, q: String, paged: bool) -> impl IntoView {
    let l = use_locale();
    if data.rows.is_empty() {
        return view! { <p class="empty" data-testid="queue-empty">{l.t("queue-empty")}</p> }
            .into_any();
    }
    let next = data
        .next
        .clone()
        .map(|cursor| query_string(&status, &q, &cursor));
    let first = query_string(&status, &q, "");
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="queue-table">
                <thead>
                    <tr>
                        <th scope="col">{l.t("queue-col-organization")}</th>
                        <th scope="col">{l.t("queue-col-country")}</th>
                        <th scope="col">{l.t("queue-col-registration")}</th>
                        <th scope="col">{l.t("queue-col-contact")}</th>
                        <th scope="col">{l.t("queue-col-status")}</th>
                        <th scope="col">{l.t("queue-col-submitted")}</th>
                        <th scope="col">{l.t("queue-col-reviewer")}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|row| view! {
                        <tr data-testid="queue-row">
                            <td data-label=l.t("queue-col-organization")>
                                <A href=format!("/admin/applications/{}", row.application_id)>{if row.legal_name.is_empty() { l.t("review-purged-name") } else { row.legal_name.clone() }}</A>
                                {row.possible_duplicate.then(|| view! {
                                    <span class="flag" title=l.t("queue-duplicate") data-testid="duplicate-flag">{l.t("queue-duplicate")}</span>
                                })}
                            </td>
                            <td data-label=l.t("queue-col-country")>{row.country.clone()}</td>
                            <td data-label=l.t("queue-col-registration") class="mono">{row.registration_id.clone()}</td>
                            <td data-label=l.t("queue-col-contact")>{row.contact_email.clone()}</td>
                            <td data-label=l.t("queue-col-status")><StatusBadge code=row.status.code() label=l.t(&format!("state-{}", row.status.code()))/></td>
                            <td data-label=l.t("queue-col-submitted") class="nowrap"><When stamp=row.submitted.clone()/></td>
                            <td data-label=l.t("queue-col-reviewer")>{row.claimed_by.clone().unwrap_or_else(|| "—".into())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=l.t("queue-pages")>
            {paged.then(|| view! { <A href=first.clone()>{l.t("queue-first-page")}</A> })}
            {next.map(|href| view! { <A href=href attr:data-testid="next-page">{l.t("queue-next-page")}</A> })}
        </nav>
    }
    .into_any()
}

//! Organizations, outbox and audit trail pages.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::{
    list_audit, list_organizations, list_outbox, AuditRow, MailRow, OrganizationRow, OutboxView,
    Page, RetryMail,
};
use crate::components::{field_error, href_with_query};
use crate::error::AppError;
use crate::format;
use crate::toast::toast_on_success;
use crate::when::When;

/// Mail bodies are plain text; links in them become clickable.
fn linkified(body: &str) -> impl IntoView {
    body.lines()
        .map(|line| {
            let trimmed = line.trim();
            let view = if trimmed.starts_with("https://") || trimmed.starts_with("http://") {
                view! { <a href=trimmed.to_string() data-testid="mail-link">{trimmed.to_string()}</a> }.into_any()
            } else {
                view! { <span>{line.to_string()}</span> }.into_any()
            };
            view! { {view} <br/> }
        })
        .collect_view()
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let before = move || query.read().get("before").unwrap_or_default();
    let retry = ServerAction::<RetryMail>::new();
    toast_on_success(retry);
    let page = Resource::new(
        move || (before(), retry.version().get()),
        |(before, _)| list_outbox(before),
    );
    view! {
        <Title text="Outbox — Coursegate admin"/>
        <section class="page wide">
            <h1>"Outbox"</h1>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(OutboxView { page: Page { rows, older }, delivering }) => view! {
                            <p class="lead">
                                {if delivering {
                                    "Every email the platform sends, newest first, with its delivery state."
                                } else {
                                    "Every email the platform sends, newest first. No SMTP server is configured, so mail stays here: this is where it is read."
                                }}
                            </p>
                            {rows.is_empty().then(|| view! { <p class="empty">"No mail yet."</p> })}
                            <div class="mail-list" data-testid="outbox">
                                {rows.into_iter().map(|m| view! { <MailCard mail=m retry/> }).collect_view()}
                            </div>
                            {pager("/admin/outbox", older, &[])}
                        }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn MailCard(mail: MailRow, retry: ServerAction<RetryMail>) -> impl IntoView {
    let failed = mail.state == "failed";
    let mail_id = mail.mail_id.clone();
    view! {
        <article class="card mail" data-testid="mail" data-kind=mail.kind.clone() data-to=mail.to.clone()>
            <header class="mail-head">
                <div>
                    <strong class="mail-subject">{mail.subject.clone()}</strong>
                    <div class="muted">"To " <span data-testid="mail-to">{mail.to.clone()}</span></div>
                </div>
                <div class="mail-meta">
                    <span class=format!("badge badge-mail-{}", mail.state)>{mail.state.clone()}</span>
                    <span class="muted nowrap"><When stamp=mail.created.clone()/></span>
                </div>
            </header>
            {(mail.attempts > 0 || mail.last_error.is_some()).then(|| view! {
                <p class="muted small">
                    {format!("{} attempt{}", mail.attempts, if mail.attempts == 1 { "" } else { "s" })}
                    {mail.sent_at.map(|at| format!(" · sent {}", format::time(at)))}
                    {mail.last_error.clone().map(|e| format!(" · last error: {e}"))}
                </p>
            })}
            {failed.then(|| view! {
                <ActionForm action=retry attr:class="inline">
                    <input type="hidden" name="mail_id" value=mail_id.clone()/>
                    <button type="submit" class="button small" data-testid="retry-mail">"Retry now"</button>
                </ActionForm>
            })}
            <details>
                <summary>"Show message"</summary>
                <p class="mail-body" data-testid="mail-body">{linkified(&mail.body)}</p>
            </details>
        </article>
    }
}

/// One labelled filter input of the audit trail, with its field message.
#[component]
fn FilterField(
    name: &'static str,
    label: &'static str,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] placeholder: &'static str,
    value: String,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let kind = if kind.is_empty() { "search" } else { kind };
    view! {
        <label>
            {label}
            <input type=kind name=name value=value placeholder=placeholder data-testid=format!("filter-{name}")/>
            <span class="field-error" aria-live="polite">{move || field_error(&error.get(), name)}</span>
        </label>
    }
}

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let get = move |key: &'static str| move || query.read().get(key).unwrap_or_default();
    let (before, action, who, organization, from, to) = (
        get("before"),
        get("action"),
        get("who"),
        get("organization"),
        get("from"),
        get("to"),
    );
    let page = Resource::new(
        move || (before(), action(), who(), organization(), from(), to()),
        |(b, a, w, o, f, t)| list_audit(b, a, w, o, f, t),
    );
    let error = Signal::derive(move || page.get().and_then(Result::err));
    view! {
        <Title text="Audit trail — Coursegate admin"/>
        <section class="page wide">
            <h1>"Audit trail"</h1>
            <Form method="GET" action="/admin/audit" attr:class="audit-filters" attr:role="search" attr:data-testid="audit-filters">
                <FilterField name="who" label="Who" placeholder="Email or label" value=who() error/>
                <FilterField name="action" label="Action starts with" placeholder="e.g. organization." value=action() error/>
                <FilterField name="organization" label="Organization" placeholder="Name or id" value=organization() error/>
                <FilterField name="from" label="From (UTC)" kind="date" value=from() error/>
                <FilterField name="to" label="To (UTC)" kind="date" value=to() error/>
                <button type="submit" class="button">"Filter"</button>
                <A href="/admin/audit" attr:class="button">"Clear"</A>
            </Form>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(Page { rows, older }) => {
                            let (a, w, o, f, t) = (action(), who(), organization(), from(), to());
                            let filters = [("action", a.as_str()), ("who", w.as_str()), ("organization", o.as_str()), ("from", f.as_str()), ("to", t.as_str())];
                            view! {
                                {rows.is_empty().then(|| view! { <p class="empty" data-testid="audit-empty">"No entries match."</p> })}
                                <div class="table-wrap">
                                    <table class="table" data-testid="audit-table">
                                        <thead><tr>
                                            <th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"Action"</th>
                                            <th scope="col">"Organization"</th><th scope="col">"Detail"</th>
                                        </tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|r: AuditRow| view! {
                                                <tr data-testid="audit-row">
                                                    <td data-label="When" class="nowrap"><When stamp=r.when/></td>
                                                    <td data-label="Who">{r.actor}</td>
                                                    <td data-label="Action" class="mono" title=r.subject>{r.action}</td>
                                                    <td data-label="Organization">{r.organization.unwrap_or_else(|| "—".into())}</td>
                                                    <td data-label="Detail">{r.detail}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                {pager("/admin/audit", older, &filters)}
                            }.into_any()
                        }
                        Err(AppError::Validation(_)) => view! { <p class="empty">"Correct the filters above."</p> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// "Newest" and "Older →" links that keep the list's filters.
fn pager(path: &str, older: Option<String>, filters: &[(&str, &str)]) -> impl IntoView {
    let newest = href_with_query(path, filters);
    let older = older.map(|cursor| {
        let mut pairs = filters.to_vec();
        pairs.push(("before", cursor.as_str()));
        href_with_query(path, &pairs)
    });
    view! {
        <nav class="pager" aria-label="Pages">
            <A href=newest>"Newest"</A>
            {older.map(|href| view! { <A href=href attr:data-testid="older">"Older →"</A> })}
        </nav>
    }
}

#[component]
pub fn OrganizationsPage() -> impl IntoView {
    let query = use_query_map();
    let before = move || query.read().get("before").unwrap_or_default();
    let q = move || query.read().get("q").unwrap_or_default();
    let status = move || query.read().get("status").unwrap_or_default();
    let page = Resource::new(
        move || (before(), q(), status()),
        |(b, q, s)| list_organizations(b, q, s),
    );
    view! {
        <Title text="Organizations — Coursegate admin"/>
        <section class="page wide">
            <div class="page-head">
                <h1>"Customer organizations"</h1>
                <Form method="GET" action="/admin/organizations" attr:class="search" attr:role="search">
                    <input type="search" name="q" value=q placeholder="Organization name"
                        aria-label="Search by name" data-testid="organization-search"/>
                    <select name="status" aria-label="Status" data-testid="organization-status-filter">
                        <option value="" selected=move || status().is_empty()>"Any status"</option>
                        <option value="active" selected=move || status() == "active">"Active"</option>
                        <option value="suspended" selected=move || status() == "suspended">"Suspended"</option>
                    </select>
                    <button type="submit" class="button">"Search"</button>
                </Form>
            </div>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(Page { rows, older }) => {
                            let (q, s) = (q(), status());
                            let filters = [("q", q.as_str()), ("status", s.as_str())];
                            let filtered = !q.is_empty() || !s.is_empty();
                            view! {
                                {rows.is_empty().then(|| view! {
                                    <p class="empty">{if filtered { "No organization matches." } else { "No customer organizations yet. Approving an application creates one." }}</p>
                                })}
                                <div class="table-wrap">
                                    <table class="table" data-testid="organizations-table">
                                        <thead><tr>
                                            <th scope="col">"Organization"</th><th scope="col">"Country"</th><th scope="col">"Status"</th>
                                            <th scope="col">"Customer admin"</th><th scope="col">"Since"</th>
                                        </tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|o: OrganizationRow| view! {
                                                <tr data-testid="organization-row">
                                                    <td data-label="Organization"><A href=format!("/admin/organizations/{}", o.organization_id)>{o.legal_name}</A></td>
                                                    <td data-label="Country">{o.country}</td>
                                                    <td data-label="Status"><span class=format!("badge badge-{}", o.status)>{o.status.clone()}</span></td>
                                                    <td data-label="Customer admin">
                                                        {o.admin_email.unwrap_or_else(|| "—".into())}
                                                        {(o.admin_status.as_deref() == Some("invited")).then(|| view! { <span class="muted">" (invited)"</span> })}
                                                        {o.handover_pending.then(|| view! { <span class="flag">"handover pending"</span> })}
                                                    </td>
                                                    <td data-label="Since" class="nowrap"><When stamp=o.created.clone()/></td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                {pager("/admin/organizations", older, &filters)}
                            }.into_any()
                        }
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

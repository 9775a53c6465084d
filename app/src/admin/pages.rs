//! Organizations, outbox and audit trail pages.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::{
    list_audit, list_organizations, list_outbox, AuditRow, MailRow, OrganizationRow, OutboxView,
    Page, RetryMail,
};
use crate::format;

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

fn older_link(path: &str, older: Option<String>, extra: &str) -> impl IntoView {
    let path = path.to_string();
    let extra = extra.to_string();
    view! {
        <nav class="pager" aria-label="Pages">
            <A href=path.clone()>"Newest"</A>
            {older.map(|cursor| view! { <A href=format!("{path}?before={cursor}{extra}")>"Older →"</A> })}
        </nav>
    }
}

#[component]
pub fn OutboxPage() -> impl IntoView {
    let query = use_query_map();
    let before = move || query.read().get("before").unwrap_or_default();
    let retry = ServerAction::<RetryMail>::new();
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
                            {older_link("/admin/outbox", older, "")}
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
                    <span class="muted nowrap">{format::time(mail.created_at)}</span>
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

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let before = move || query.read().get("before").unwrap_or_default();
    let action = move || query.read().get("action").unwrap_or_default();
    let page = Resource::new(move || (before(), action()), |(b, a)| list_audit(b, a));
    view! {
        <Title text="Audit trail — Coursegate admin"/>
        <section class="page wide">
            <div class="page-head">
                <h1>"Audit trail"</h1>
                <Form method="GET" action="/admin/audit" attr:class="search" attr:role="search">
                    <input type="search" name="action" value=action placeholder="Action, e.g. application."
                        aria-label="Filter by action"/>
                    <button type="submit" class="button">"Filter"</button>
                </Form>
            </div>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(Page { rows, older }) => {
                            let extra = if action().is_empty() { String::new() } else { format!("&action={}", action()) };
                            view! {
                                <div class="table-wrap">
                                    <table class="table" data-testid="audit-table">
                                        <thead><tr>
                                            <th scope="col">"When"</th><th scope="col">"Who"</th><th scope="col">"Action"</th>
                                            <th scope="col">"Organization"</th><th scope="col">"Detail"</th>
                                        </tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|r: AuditRow| view! {
                                                <tr data-testid="audit-row">
                                                    <td class="nowrap">{format::time(r.at)}</td>
                                                    <td>{r.actor}</td>
                                                    <td class="mono" title=r.subject>{r.action}</td>
                                                    <td>{r.organization.unwrap_or_else(|| "—".into())}</td>
                                                    <td>{r.detail}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                {older_link("/admin/audit", older, &extra)}
                            }.into_any()
                        }
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn OrganizationsPage() -> impl IntoView {
    let query = use_query_map();
    let before = move || query.read().get("before").unwrap_or_default();
    let page = Resource::new(before, list_organizations);
    view! {
        <Title text="Organizations — Coursegate admin"/>
        <section class="page wide">
            <h1>"Customer organizations"</h1>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(Page { rows, older }) => view! {
                            {rows.is_empty().then(|| view! { <p class="empty">"No customer organizations yet. Approving an application creates one."</p> })}
                            <div class="table-wrap">
                                <table class="table" data-testid="organizations-table">
                                    <thead><tr>
                                        <th scope="col">"Organization"</th><th scope="col">"Country"</th><th scope="col">"Status"</th>
                                        <th scope="col">"Customer admin"</th><th scope="col">"Since"</th>
                                    </tr></thead>
                                    <tbody>
                                        {rows.into_iter().map(|o: OrganizationRow| view! {
                                            <tr>
                                                <td><A href=format!("/admin/applications/{}", o.application_id)>{o.legal_name}</A></td>
                                                <td>{o.country}</td>
                                                <td><span class=format!("badge badge-{}", o.status)>{o.status.clone()}</span></td>
                                                <td>
                                                    {o.admin_email.unwrap_or_else(|| "—".into())}
                                                    {(o.admin_status.as_deref() == Some("invited")).then(|| view! { <span class="muted">" (invited)"</span> })}
                                                </td>
                                                <td class="nowrap">{format::time(o.created_at)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                            {older_link("/admin/organizations", older, "")}
                        }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

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
use crate::i18n::use_locale;
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
    let l = use_locale();
    let query = use_query_map();
    let before = move || query.read().get("before").unwrap_or_default();
    let retry = ServerAction::<RetryMail>::new();
    toast_on_success(retry);
    let page = Resource::new(
        move || (before(), retry.version().get()),
        |(before, _)| list_outbox(before),
    );
    view! {
        <Title text=l.t("outbox-title")/>
        <section class="page wide">
            <h1>{l.t("outbox-heading")}</h1>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(OutboxView { page: Page { rows, older }, delivering }) => view! {
                            <p class="lead">
                                {if delivering { l.t("outbox-lead-delivering") } else { l.t("outbox-lead-local") }}
                            </p>
                            {rows.is_empty().then(|| view! { <p class="empty">{l.t("outbox-empty")}</p> })}
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
    let l = use_locale();
    let failed = mail.state == "failed";
    let mail_id = mail.mail_id.clone();
    view! {
        <article class="card mail" data-testid="mail" data-kind=mail.kind.clone() data-to=mail.to.clone()>
            <header class="mail-head">
                <div>
                    <strong class="mail-subject">{mail.subject.clone()}</strong>
                    <div class="muted">{l.t("outbox-to")} " " <span data-testid="mail-to">{mail.to.clone()}</span></div>
                </div>
                <div class="mail-meta">
                    <span class=format!("badge badge-mail-{}", mail.state)>{l.t(&format!("outbox-state-{}", mail.state))}</span>
                    <span class="muted nowrap"><When stamp=mail.created.clone()/></span>
                </div>
            </header>
            {(mail.attempts > 0 || mail.last_error.is_some()).then(|| view! {
                <p class="muted small">
                    {l.t_args("outbox-attempts", &[("count", mail.attempts.into())])}
                    {mail.sent_at.map(|at| format!(" · {}", l.t_args("outbox-sent", &[("when", format::time_in(l, at).into())])))}
                    {mail.last_error.clone().map(|e| format!(" · {}", l.t_args("outbox-last-error", &[("error", e.into())])))}
                </p>
            })}
            {failed.then(|| view! {
                <ActionForm action=retry attr:class="inline">
                    <input type="hidden" name="mail_id" value=mail_id.clone()/>
                    <button type="submit" class="button small" data-testid="retry-mail">{l.t("outbox-retry")}</button>
                </ActionForm>
            })}
            <details>
                <summary>{l.t("outbox-show")}</summary>
                <p class="mail-body" data-testid="mail-body">{linkified(&mail.body)}</p>
            </details>
        </article>
    }
}

/// One labelled filter input of the audit trail, with its field message.
#[component]
fn FilterField(
    name: &'static str,
    label: String,
    #[prop(optional)] kind: &'static str,
    #[prop(optional)] placeholder: String,
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
    let l = use_locale();
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
        <Title text=l.t("audit-title")/>
        <section class="page wide">
            <h1>{l.t("audit-heading")}</h1>
            <Form method="GET" action="/admin/audit" attr:class="audit-filters" attr:role="search" attr:data-testid="audit-filters">
                <FilterField name="who" label=l.t("audit-filter-who") placeholder=l.t("audit-filter-who-hint") value=who() error/>
                <FilterField name="action" label=l.t("audit-filter-action") placeholder=l.t("audit-filter-action-hint") value=action() error/>
                <FilterField name="organization" label=l.t("audit-filter-organization") placeholder=l.t("audit-filter-organization-hint") value=organization() error/>
                <FilterField name="from" label=l.t("audit-filter-from") kind="date" value=from() error/>
                <FilterField name="to" label=l.t("audit-filter-to") kind="date" value=to() error/>
                <button type="submit" class="button">{l.t("audit-filter")}</button>
                <A href="/admin/audit" attr:class="button">{l.t("audit-clear")}</A>
            </Form>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(Page { rows, older }) => {
                            let (a, w, o, f, t) = (action(), who(), organization(), from(), to());
                            let filters = [("action", a.as_str()), ("who", w.as_str()), ("organization", o.as_str()), ("from", f.as_str()), ("to", t.as_str())];
                            view! {
                                {rows.is_empty().then(|| view! { <p class="empty" data-testid="audit-empty">{l.t("audit-empty")}</p> })}
                                <div class="table-wrap">
                                    <table class="table" data-testid="audit-table">
                                        <thead><tr>
                                            <th scope="col">{l.t("audit-col-when")}</th><th scope="col">{l.t("audit-col-who")}</th><th scope="col">{l.t("audit-col-action")}</th>
                                            <th scope="col">{l.t("audit-col-organization")}</th><th scope="col">{l.t("audit-col-detail")}</th>
                                        </tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|r: AuditRow| view! {
                                                <tr data-testid="audit-row">
                                                    <td data-label=l.t("audit-col-when") class="nowrap"><When stamp=r.when/></td>
                                                    <td data-label=l.t("audit-col-who")>{r.actor}</td>
                                                    <td data-label=l.t("audit-col-action") class="mono" title=r.subject>{r.action}</td>
                                                    <td data-label=l.t("audit-col-organization")>{r.organization.unwrap_or_else(|| "—".into())}</td>
                                                    <td data-label=l.t("audit-col-detail")>{r.detail}</td>
                                                </tr>
                                            }).collect_view()}
                                        </tbody>
                                    </table>
                                </div>
                                {pager("/admin/audit", older, &filters)}
                            }.into_any()
                        }
                        Err(AppError::Validation(_)) => view! { <p class="empty">{l.t("audit-correct-filters")}</p> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// "Newest" and "Older →" links that keep the list's filters.
fn pager(path: &str, older: Option<String>, filters: &[(&str, &str)]) -> impl IntoView {
    let l = use_locale();
    let newest = href_with_query(path, filters);
    let older = older.map(|cursor| {
        let mut pairs = filters.to_vec();
        pairs.push(("before", cursor.as_str()));
        href_with_query(path, &pairs)
    });
    view! {
        <nav class="pager" aria-label=l.t("queue-pages")>
            <A href=newest>{l.t("pager-newest")}</A>
            {older.map(|href| view! { <A href=href attr:data-testid="older">{l.t("pager-older")}</A> })}
        </nav>
    }
}

#[component]
pub fn OrganizationsPage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let before = move || query.read().get("before").unwrap_or_default();
    let q = move || query.read().get("q").unwrap_or_default();
    let status = move || query.read().get("status").unwrap_or_default();
    let page = Resource::new(
        move || (before(), q(), status()),
        |(b, q, s)| list_organizations(b, q, s),
    );
    view! {
        <Title text=l.t("accounts-orgs-title")/>
        <section class="page wide">
            <div class="page-head">
                <h1>{l.t("accounts-orgs-heading")}</h1>
                <Form method="GET" action="/admin/organizations" attr:class="search" attr:role="search">
                    <input type="search" name="q" value=q placeholder=l.t("accounts-orgs-search-placeholder")
                        aria-label=l.t("accounts-orgs-search-label") data-testid="organization-search"/>
                    <select name="status" aria-label=l.t("accounts-col-status") data-testid="organization-status-filter">
                        <option value="" selected=move || status().is_empty()>{l.t("accounts-orgs-any-status")}</option>
                        <option value="active" selected=move || status() == "active">{l.t("accounts-org-status-active")}</option>
                        <option value="suspended" selected=move || status() == "suspended">{l.t("accounts-org-status-suspended")}</option>
                    </select>
                    <button type="submit" class="button">{l.t("queue-search")}</button>
                </Form>
            </div>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match page.await {
                        Ok(Page { rows, older }) => {
                            let (q, s) = (q(), status());
                            let filters = [("q", q.as_str()), ("status", s.as_str())];
                            let filtered = !q.is_empty() || !s.is_empty();
                            view! {
                                {rows.is_empty().then(|| view! {
                                    <p class="empty">{if filtered { l.t("accounts-orgs-no-match") } else { l.t("accounts-orgs-none") }}</p>
                                })}
                                <div class="table-wrap">
                                    <table class="table" data-testid="organizations-table">
                                        <thead><tr>
                                            <th scope="col">{l.t("queue-col-organization")}</th><th scope="col">{l.t("queue-col-country")}</th><th scope="col">{l.t("accounts-col-status")}</th>
                                            <th scope="col">{l.t("review-account-admin")}</th><th scope="col">{l.t("accounts-orgs-col-since")}</th>
                                        </tr></thead>
                                        <tbody>
                                            {rows.into_iter().map(|o: OrganizationRow| view! {
                                                <tr data-testid="organization-row">
                                                    <td data-label=l.t("queue-col-organization")><A href=format!("/admin/organizations/{}", o.organization_id)>{o.legal_name}</A></td>
                                                    <td data-label=l.t("queue-col-country")>{o.country}</td>
                                                    <td data-label=l.t("accounts-col-status")><span class=format!("badge badge-{}", o.status)>{l.t(&format!("accounts-org-status-{}", o.status))}</span></td>
                                                    <td data-label=l.t("review-account-admin")>
                                                        {o.admin_email.unwrap_or_else(|| "—".into())}
                                                        {(o.admin_status.as_deref() == Some("invited")).then(|| view! { <span class="muted">{format!(" ({})", l.t("accounts-orgs-invited"))}</span> })}
                                                        {o.handover_pending.then(|| view! { <span class="flag">{l.t("accounts-orgs-handover-pending")}</span> })}
                                                    </td>
                                                    <td data-label=l.t("accounts-orgs-col-since") class="nowrap"><When stamp=o.created.clone()/></td>
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

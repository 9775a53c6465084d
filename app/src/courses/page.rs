//! The Customer admin's course applications: `/org/courses` (the list),
//! `/org/courses/new` (apply, `?service=` preselects the course) and
//! `/org/courses/:id` (status, attendees, change them, withdraw).

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::{
    get_course_application, list_course_applications, open_courses, status_badge, status_label_in,
    ApplyForCourse, ChangeAttendees, CourseApplication, CourseApplicationList,
    WithdrawCourseApplication, STATUSES,
};
use crate::attendees::{list_attendees, Attendee};
use crate::billing::list_billing_accounts;
use crate::components::{
    error_of, field_error, general_error, href_with_query, random_key, successes,
};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::money;
use crate::toast::toast_on_success;
use crate::when::When;

#[component]
pub fn CourseApplicationsPage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let status = move || query.read().get("status").unwrap_or_default();
    let after = move || query.read().get("after").unwrap_or_default();
    let list = Resource::new(
        move || (status(), after()),
        |(status, after)| list_course_applications(status, after),
    );
    view! {
        <Title text=l.t("courses-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("dashboard-eyebrow")}</p>
                    <h1>{l.t("nav-course-applications")}</h1>
                </div>
                <A href="/org/courses/new" attr:class="button primary" attr:data-testid="course-new">{l.t("courses-apply")}</A>
            </div>
            <nav class="tabs" aria-label=l.t("orders-status")>
                <a href="/org/courses" class="tab" class:active=move || status().is_empty()>{l.t("catalog-all")}</a>
                {STATUSES.iter().map(|(code, _)| {
                    let current = move || status() == *code;
                    view! { <a href=href_with_query("/org/courses", &[("status", code)]) class="tab" class:active=current>{status_label_in(l, code)}</a> }
                }).collect_view()}
            </nav>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(data) => view! { <ApplicationTable data status=status() base="/org/courses"/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The list of applications, shared with the admin console (`base` is the
/// path the rows link under).
#[component]
pub fn ApplicationTable(
    data: CourseApplicationList,
    status: String,
    base: &'static str,
) -> impl IntoView {
    let l = use_locale();
    if data.rows.is_empty() {
        return view! {
            <p class="empty" data-testid="courses-empty">{l.t("courses-empty")}</p>
        }
        .into_any();
    }
    let admin = base.starts_with("/admin");
    let next = data.next.clone();
    view! {
        <div class="table-wrap">
            <table class="table" data-testid="courses-table">
                <thead>
                    <tr>
                        <th scope="col">{l.t("courses-course")}</th>
                        {admin.then(|| view! { <th scope="col">{l.t("courses-organization")}</th> })}
                        <th scope="col">{l.t("courses-places")}</th>
                        <th scope="col">{l.t("courses-applied")}</th>
                        <th scope="col">{l.t("orders-status")}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|row| {
                        let href = format!("{base}/{}", row.course_application_id);
                        let title = row.service_title.clone();
                        view! {
                            <tr data-testid="course-row" data-id=row.course_application_id.clone()>
                                <td data-label=l.t("courses-course")>
                                    <A href=href>{title}</A>
                                    {row.starts.clone().map(|s| view! { <div class="muted">{s}</div> })}
                                </td>
                                {admin.then(|| view! { <td data-label=l.t("courses-organization")>{row.organization_name.clone()}</td> })}
                                <td data-label=l.t("courses-places")>{row.places}</td>
                                <td data-label=l.t("courses-applied")><When stamp=row.applied.clone()/></td>
                                <td data-label=l.t("orders-status")><span class=status_badge(&row.status) data-testid="course-status">{status_label_in(l, &row.status)}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {next.map(|n| view! {
            <nav class="pager" aria-label=l.t("pager-label")>
                <A href=href_with_query(base, &[("status", &status), ("after", &n)]) attr:class="button small">{l.t("pager-next")}</A>
            </nav>
        })}
    }
    .into_any()
}

#[component]
pub fn NewCourseApplicationPage() -> impl IntoView {
    let query = use_query_map();
    let l = use_locale();
    let preselected = move || query.read().get("service").unwrap_or_default();
    let q = move || query.read().get("q").unwrap_or_default();
    let apply = ServerAction::<ApplyForCourse>::new();
    toast_on_success(apply);
    let navigate = use_navigate();
    Effect::new(move |_| {
        if let Some(Ok(id)) = apply.value().get() {
            navigate(&format!("/org/courses/{id}"), Default::default());
        }
    });
    let data = Resource::new(q, |q| async move {
        let courses = open_courses().await?;
        let accounts = list_billing_accounts(false).await?;
        let attendees = list_attendees(q, String::new()).await?;
        Ok::<_, AppError>((courses, accounts, attendees))
    });
    let key = SharedValue::new(random_key).into_inner();
    let error = Signal::derive(move || error_of(apply.value()));
    view! {
        <Title text=l.t("courses-new-title")/>
        <section class="page narrow">
            <p><A href="/org/courses">"← " {l.t("nav-course-applications")}</A></p>
            <h1>{l.t("courses-apply")}</h1>
            <p class="lead">{l.t("courses-new-lead")}</p>
            {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="course-error">{m}</div> })}
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || {
                    let key = key.clone();
                    Suspend::new(async move {
                    match data.await {
                        Ok((courses, accounts, attendees)) => {
                            let chosen = preselected();
                            let chosen_hidden = chosen.clone();
                            if courses.is_empty() {
                                return view! { <p class="empty" data-testid="courses-none-open">{l.t("courses-none-open")} " " <A href="/org/catalog">{l.t("dashboard-browse-catalog")}</A></p> }.into_any();
                            }
                            if accounts.is_empty() {
                                return view! { <p class="empty">{l.t("catalog-add-account-first")} " " <A href="/org/billing">{l.t("nav-billing")}</A></p> }.into_any();
                            }
                            view! {
                                <Form method="GET" action="/org/courses/new" attr:class="search" attr:role="search">
                                    <input type="hidden" name="service" value=chosen_hidden/>
                                    <input type="search" name="q" value=q() placeholder=l.t("courses-find-placeholder") aria-label=l.t("courses-find-label") data-testid="course-attendee-search"/>
                                    <button type="submit" class="button">{l.t("courses-find")}</button>
                                </Form>
                                <ActionForm action=apply attr:class="form" attr:data-testid="course-form">
                                    <input type="hidden" name="key" value=key/>
                                    <div class="field" class:field-invalid=move || field_error(&error.get(), "service_id").is_some()>
                                        <label for="course-service">{l.t("courses-course")}</label>
                                        <select id="course-service" name="service_id" data-testid="course-service">
                                            {courses.into_iter().map(|c| {
                                                let selected = c.service_id == chosen;
                                                let seats = c.seats_left.map(|n| format!(" — {}", l.t_args("catalog-seats-left", &[("count", n.into())]))).unwrap_or_default();
                                                let label = format!("{} ({}){seats}", c.title, c.starts.clone().unwrap_or_default());
                                                view! { <option value=c.service_id.clone() selected=selected>{label}</option> }
                                            }).collect_view()}
                                        </select>
                                        <p class="field-error">{move || field_error(&error.get(), "service_id")}</p>
                                    </div>
                                    <AttendeePicker attendees=attendees.rows selected=HashSet::new() error/>
                                    <div class="field" class:field-invalid=move || field_error(&error.get(), "billing_account_id").is_some()>
                                        <label for="course-account">{l.t("courses-fee-account")}</label>
                                        <select id="course-account" name="billing_account_id" data-testid="course-account">
                                            {accounts.into_iter().map(|a| view! {
                                                <option value=a.billing_account_id.clone() selected=a.is_default>{a.name.clone()}</option>
                                            }).collect_view()}
                                        </select>
                                        <p class="field-error">{move || field_error(&error.get(), "billing_account_id")}</p>
                                    </div>
                                    <div class="field" class:field-invalid=move || field_error(&error.get(), "note").is_some()>
                                        <label for="course-note">{l.t("courses-note")} " " <span class="optional">{l.t("form-optional")}</span></label>
                                        <textarea id="course-note" name="note" rows="3" data-testid="course-note"></textarea>
                                        <p class="field-error">{move || field_error(&error.get(), "note")}</p>
                                    </div>
                                    <button type="submit" class="button primary" data-testid="course-submit"
                                        disabled=move || apply.pending().get()>{l.t("courses-send")}</button>
                                </ActionForm>
                            }.into_any()
                        }
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div> }.into_any(),
                    }
                })}}
            </Transition>
        </section>
    }
}

/// Checkboxes for attendees, named `attendee_ids[i]` so the form posts a
/// list whether or not JavaScript runs.
#[component]
fn AttendeePicker(
    attendees: Vec<Attendee>,
    selected: HashSet<String>,
    error: Signal<Option<AppError>>,
) -> impl IntoView {
    let l = use_locale();
    if attendees.is_empty() {
        return view! {
            <div class="field">
                <p class="empty" data-testid="course-no-attendees">{l.t("courses-no-attendees")} " " <A href="/org/attendees">{l.t("nav-attendees")}</A></p>
            </div>
        }
        .into_any();
    }
    view! {
        <fieldset class="field checklist" class:field-invalid=move || field_error(&error.get(), "attendee_ids").is_some()>
            <legend>{l.t("nav-attendees")}</legend>
            {attendees.into_iter().enumerate().map(|(i, a)| {
                let id = format!("attendee-{i}");
                let label_for = id.clone();
                let checked = selected.contains(&a.attendee_id);
                view! {
                    <label class="check" for=label_for>
                        <input type="checkbox" id=id name=format!("attendee_ids[{i}]") value=a.attendee_id.clone()
                            checked=checked data-testid="course-attendee"/>
                        <span>{a.name.clone()} <span class="muted">{format!(" {}", a.email)}</span></span>
                    </label>
                }
            }).collect_view()}
            <p class="field-error" data-testid="course-attendee-error">{move || field_error(&error.get(), "attendee_ids")}</p>
        </fieldset>
    }
    .into_any()
}

#[component]
pub fn CourseApplicationPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let l = use_locale();
    let change = ServerAction::<ChangeAttendees>::new();
    toast_on_success(change);
    let withdraw = ServerAction::<WithdrawCourseApplication>::new();
    toast_on_success(withdraw);
    let changed = successes(change.value());
    let withdrawn = successes(withdraw.value());
    let loaded = Resource::new(
        move || (id(), changed.get(), withdrawn.get()),
        |(id, _, _)| async move {
            let application = get_course_application(id).await?;
            let attendees = list_attendees(String::new(), String::new()).await?;
            Ok::<_, AppError>((application, attendees.rows))
        },
    );
    view! {
        <Title text=l.t("courses-detail-title")/>
        <section class="page wide">
            <p><A href="/org/courses">"← " {l.t("nav-course-applications")}</A></p>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok((application, attendees)) => view! { <ApplicationView application attendees change withdraw/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The facts every viewer of an application sees.
#[component]
pub fn ApplicationFacts(application: CourseApplication) -> impl IntoView {
    let l = use_locale();
    let fee = if application.fee_minor != 0 {
        l.t_args(
            "courses-fee-before-vat",
            &[(
                "amount",
                money::format_in(l, application.fee_minor, &application.currency).into(),
            )],
        )
    } else {
        l.t("courses-no-fee")
    };
    view! {
        <dl class="facts">
            <dt>{l.t("orders-status")}</dt>
            <dd><span class=status_badge(&application.status) data-testid="course-detail-status">{status_label_in(l, &application.status)}</span></dd>
            <dt>{l.t("courses-course")}</dt><dd>{application.service_title.clone()}</dd>
            <dt>{l.t("catalog-when")}</dt><dd>{application.starts.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>{l.t("courses-organization")}</dt><dd>{application.organization_name.clone()}</dd>
            <dt>{l.t("courses-places")}</dt><dd data-testid="course-places">{application.attendees.len()}</dd>
            <dt>{l.t("orders-billing-account")}</dt><dd>{application.billing_account_name.clone()}</dd>
            <dt>{l.t("courses-applied")}</dt><dd>{application.created.clone()}</dd>
            {application.decided.clone().map(|d| view! { <dt>{l.t("courses-decided")}</dt><dd>{d}</dd> })}
            {(application.status == "accepted").then(|| view! {
                <dt>{l.t("dashboard-seats")}</dt>
                <dd data-testid="course-seats">{l.t_args("courses-seats-split", &[("bought", application.seats_from_orders.into()), ("charged", application.seats_charged.into())])}</dd>
            })}
            <dt>{l.t("courses-fee")}</dt><dd data-testid="course-fee">{fee}</dd>
            {(!application.note.is_empty()).then(|| view! { <dt>{l.t("courses-note-short")}</dt><dd class="pre-line">{application.note.clone()}</dd> })}
            {application.decision_reason.clone().map(|r| view! { <dt>{l.t("courses-operator-message")}</dt><dd class="pre-line" data-testid="course-reason">{r}</dd> })}
        </dl>
    }
}

#[component]
fn ApplicationView(
    application: CourseApplication,
    attendees: Vec<Attendee>,
    change: ServerAction<ChangeAttendees>,
    withdraw: ServerAction<WithdrawCourseApplication>,
) -> impl IntoView {
    let since = change.version().get_untracked();
    let error = Signal::derive(move || {
        (change.version().get() > since)
            .then(|| error_of(change.value()))
            .flatten()
    });
    let withdraw_error = move || general_error(&error_of(withdraw.value()));
    let selected: HashSet<String> = application
        .attendees
        .iter()
        .map(|a| a.attendee_id.clone())
        .collect();
    // People on the application stay pickable even when they are beyond
    // the first page of the attendee list.
    let mut choices = attendees;
    for named in &application.attendees {
        if !choices.iter().any(|a| a.attendee_id == named.attendee_id) {
            choices.push(Attendee {
                attendee_id: named.attendee_id.clone(),
                name: named.name.clone(),
                email: named.email.clone(),
                job_title: named.job_title.clone(),
                created_at: 0,
                updated_at: 0,
            });
        }
    }
    let change_id = application.course_application_id.clone();
    let withdraw_id = application.course_application_id.clone();
    let l = use_locale();
    let withdraw_note = if application.status == "accepted" && application.seats_charged > 0 {
        if application.refundable {
            l.t("courses-withdraw-refund")
        } else {
            l.t("courses-withdraw-no-refund")
        }
    } else {
        l.t("courses-withdraw-note")
    };
    view! {
        <Title text=format!("{} — Coursegate", application.service_title)/>
        <div class="page-head">
            <div>
                <p class="eyebrow">{l.t("courses-eyebrow")}</p>
                <h1>{application.service_title.clone()}</h1>
            </div>
        </div>
        {move || withdraw_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="course-error">{m}</div> })}
        <div class="workspace-grid">
            <div>
                <ApplicationFacts application=application.clone()/>
                <h2>{l.t("nav-attendees")}</h2>
                <ul class="plain-list" data-testid="course-attendees">
                    {application.attendees.iter().map(|a| view! {
                        <li>{a.name.clone()} <span class="muted">{if a.job_title.is_empty() { format!(" {}", a.email) } else { format!(" {} · {}", a.email, a.job_title) }}</span></li>
                    }).collect_view()}
                </ul>
            </div>
            <div>
                {application.changeable.then(|| view! {
                    <div class="card">
                        <h2>{l.t("courses-change-attendees")}</h2>
                        {(application.status == "accepted").then(|| view! {
                            <p class="hint">{l.t_args("courses-accepted-swap", &[("count", application.attendees.len().into())])}</p>
                        })}
                        {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                        <ActionForm action=change attr:class="form" attr:data-testid="course-change-form">
                            <input type="hidden" name="id" value=change_id/>
                            <AttendeePicker attendees=choices selected error/>
                            <button type="submit" class="button primary" data-testid="course-change-save"
                                disabled=move || change.pending().get()>{l.t("courses-save-attendees")}</button>
                        </ActionForm>
                    </div>
                    <div class="card">
                        <h2>{l.t("courses-withdraw")}</h2>
                        <p class="muted">{withdraw_note}</p>
                        <ActionForm action=withdraw attr:class="inline">
                            <input type="hidden" name="id" value=withdraw_id/>
                            <button type="submit" class="button danger" data-testid="course-withdraw">{l.t("courses-withdraw-button")}</button>
                        </ActionForm>
                    </div>
                })}
            </div>
        </div>
    }
}

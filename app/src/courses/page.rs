//! The Customer admin's course applications: `/org/courses` (the list),
//! `/org/courses/new` (apply, `?service=` preselects the course) and
//! `/org/courses/:id` (status, attendees, change them, withdraw).

use std::collections::HashSet;

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use super::{
    get_course_application, list_course_applications, open_courses, status_badge, status_label,
    ApplyForCourse, ChangeAttendees, CourseApplication, CourseApplicationList,
    WithdrawCourseApplication, STATUSES,
};
use crate::attendees::{list_attendees, Attendee};
use crate::billing::list_billing_accounts;
use crate::components::{
    error_of, field_error, general_error, href_with_query, random_key, successes,
};
use crate::error::AppError;
use crate::money;
use crate::toast::toast_on_success;
use crate::when::When;

#[component]
pub fn CourseApplicationsPage() -> impl IntoView {
    let query = use_query_map();
    let status = move || query.read().get("status").unwrap_or_default();
    let after = move || query.read().get("after").unwrap_or_default();
    let list = Resource::new(
        move || (status(), after()),
        |(status, after)| list_course_applications(status, after),
    );
    view! {
        <Title text="Course applications — Coursegate"/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">"Customer organization"</p>
                    <h1>"Course applications"</h1>
                </div>
                <A href="/org/courses/new" attr:class="button primary" attr:data-testid="course-new">"Apply for a course"</A>
            </div>
            <nav class="tabs" aria-label="Status">
                <a href="/org/courses" class="tab" class:active=move || status().is_empty()>"All"</a>
                {STATUSES.iter().map(|(code, label)| {
                    let current = move || status() == *code;
                    view! { <a href=href_with_query("/org/courses", &[("status", code)]) class="tab" class:active=current>{*label}</a> }
                }).collect_view()}
            </nav>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(data) => view! { <ApplicationTable data status=status() base="/org/courses"/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
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
    if data.rows.is_empty() {
        return view! {
            <p class="empty" data-testid="courses-empty">"No course applications here. Pick a course in the catalog and apply with the people who will attend."</p>
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
                        <th scope="col">"Course"</th>
                        {admin.then(|| view! { <th scope="col">"Organization"</th> })}
                        <th scope="col">"Places"</th>
                        <th scope="col">"Applied"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|row| {
                        let href = format!("{base}/{}", row.course_application_id);
                        let title = row.service_title.clone();
                        view! {
                            <tr data-testid="course-row" data-id=row.course_application_id.clone()>
                                <td data-label="Course">
                                    <A href=href>{title}</A>
                                    {row.starts.clone().map(|s| view! { <div class="muted">{s}</div> })}
                                </td>
                                {admin.then(|| view! { <td data-label="Organization">{row.organization_name.clone()}</td> })}
                                <td data-label="Places">{row.places}</td>
                                <td data-label="Applied"><When stamp=row.applied.clone()/></td>
                                <td data-label="Status"><span class=status_badge(&row.status) data-testid="course-status">{status_label(&row.status)}</span></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        {next.map(|n| view! {
            <nav class="pager" aria-label="Pages">
                <A href=href_with_query(base, &[("status", &status), ("after", &n)]) attr:class="button small">"Next page"</A>
            </nav>
        })}
    }
    .into_any()
}

#[component]
pub fn NewCourseApplicationPage() -> impl IntoView {
    let query = use_query_map();
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
        <Title text="Apply for a course — Coursegate"/>
        <section class="page narrow">
            <p><A href="/org/courses">"← Course applications"</A></p>
            <h1>"Apply for a course"</h1>
            <p class="lead">"Name the people who will attend. Seats your organization bought for the course are used first; places beyond them are charged as a course fee when the application is accepted."</p>
            {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="course-error">{m}</div> })}
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || {
                    let key = key.clone();
                    Suspend::new(async move {
                    match data.await {
                        Ok((courses, accounts, attendees)) => {
                            let chosen = preselected();
                            let chosen_hidden = chosen.clone();
                            if courses.is_empty() {
                                return view! { <p class="empty" data-testid="courses-none-open">"No course is open for applications right now. See the " <A href="/org/catalog">"catalog"</A> "."</p> }.into_any();
                            }
                            if accounts.is_empty() {
                                return view! { <p class="empty">"Add a billing account first: " <A href="/org/billing">"Billing accounts"</A></p> }.into_any();
                            }
                            view! {
                                <Form method="GET" action="/org/courses/new" attr:class="search" attr:role="search">
                                    <input type="hidden" name="service" value=chosen_hidden/>
                                    <input type="search" name="q" value=q() placeholder="Find attendees by name or email" aria-label="Find attendees" data-testid="course-attendee-search"/>
                                    <button type="submit" class="button">"Find"</button>
                                </Form>
                                <ActionForm action=apply attr:class="form" attr:data-testid="course-form">
                                    <input type="hidden" name="key" value=key/>
                                    <div class="field" class:field-invalid=move || field_error(&error.get(), "service_id").is_some()>
                                        <label for="course-service">"Course"</label>
                                        <select id="course-service" name="service_id" data-testid="course-service">
                                            {courses.into_iter().map(|c| {
                                                let selected = c.service_id == chosen;
                                                let seats = c.seats_left.map(|n| format!(" — {n} seats left")).unwrap_or_default();
                                                let label = format!("{} ({}){seats}", c.title, c.starts.clone().unwrap_or_default());
                                                view! { <option value=c.service_id.clone() selected=selected>{label}</option> }
                                            }).collect_view()}
                                        </select>
                                        <p class="field-error">{move || field_error(&error.get(), "service_id")}</p>
                                    </div>
                                    <AttendeePicker attendees=attendees.rows selected=HashSet::new() error/>
                                    <div class="field" class:field-invalid=move || field_error(&error.get(), "billing_account_id").is_some()>
                                        <label for="course-account">"Billing account for course fees"</label>
                                        <select id="course-account" name="billing_account_id" data-testid="course-account">
                                            {accounts.into_iter().map(|a| view! {
                                                <option value=a.billing_account_id.clone() selected=a.is_default>{a.name.clone()}</option>
                                            }).collect_view()}
                                        </select>
                                        <p class="field-error">{move || field_error(&error.get(), "billing_account_id")}</p>
                                    </div>
                                    <div class="field" class:field-invalid=move || field_error(&error.get(), "note").is_some()>
                                        <label for="course-note">"Note to the operator " <span class="optional">"(optional)"</span></label>
                                        <textarea id="course-note" name="note" rows="3" data-testid="course-note"></textarea>
                                        <p class="field-error">{move || field_error(&error.get(), "note")}</p>
                                    </div>
                                    <button type="submit" class="button primary" data-testid="course-submit"
                                        disabled=move || apply.pending().get()>"Send application"</button>
                                </ActionForm>
                            }.into_any()
                        }
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
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
    if attendees.is_empty() {
        return view! {
            <div class="field">
                <p class="empty" data-testid="course-no-attendees">"No attendees found. Add people on the " <A href="/org/attendees">"Attendees"</A> " page first."</p>
            </div>
        }
        .into_any();
    }
    view! {
        <fieldset class="field checklist" class:field-invalid=move || field_error(&error.get(), "attendee_ids").is_some()>
            <legend>"Attendees"</legend>
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
        <Title text="Course application — Coursegate"/>
        <section class="page wide">
            <p><A href="/org/courses">"← Course applications"</A></p>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok((application, attendees)) => view! { <ApplicationView application attendees change withdraw/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

/// The facts every viewer of an application sees.
#[component]
pub fn ApplicationFacts(application: CourseApplication) -> impl IntoView {
    let fee = if application.fee_minor != 0 {
        money::format(application.fee_minor, &application.currency) + " before VAT"
    } else {
        "None".into()
    };
    view! {
        <dl class="facts">
            <dt>"Status"</dt>
            <dd><span class=status_badge(&application.status) data-testid="course-detail-status">{status_label(&application.status)}</span></dd>
            <dt>"Course"</dt><dd>{application.service_title.clone()}</dd>
            <dt>"When"</dt><dd>{application.starts.clone().unwrap_or_else(|| "—".into())}</dd>
            <dt>"Organization"</dt><dd>{application.organization_name.clone()}</dd>
            <dt>"Places"</dt><dd data-testid="course-places">{application.attendees.len()}</dd>
            <dt>"Billing account"</dt><dd>{application.billing_account_name.clone()}</dd>
            <dt>"Applied"</dt><dd>{application.created.clone()}</dd>
            {application.decided.clone().map(|d| view! { <dt>"Decided"</dt><dd>{d}</dd> })}
            {(application.status == "accepted").then(|| view! {
                <dt>"Seats"</dt>
                <dd data-testid="course-seats">{format!("{} from bought seats, {} charged as a course fee", application.seats_from_orders, application.seats_charged)}</dd>
            })}
            <dt>"Course fee"</dt><dd data-testid="course-fee">{fee}</dd>
            {(!application.note.is_empty()).then(|| view! { <dt>"Note"</dt><dd class="pre-line">{application.note.clone()}</dd> })}
            {application.decision_reason.clone().map(|r| view! { <dt>"Operator's message"</dt><dd class="pre-line" data-testid="course-reason">{r}</dd> })}
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
    let withdraw_note = if application.status == "accepted" && application.seats_charged > 0 {
        if application.refundable {
            "Withdrawing gives the seats back and refunds the course fee."
        } else {
            "The free cancellation deadline has passed: withdrawing gives the seats back, but the course fee stays."
        }
    } else {
        "Withdrawing tells the operator you no longer need these places."
    };
    view! {
        <Title text=format!("{} — Coursegate", application.service_title)/>
        <div class="page-head">
            <div>
                <p class="eyebrow">"Course application"</p>
                <h1>{application.service_title.clone()}</h1>
            </div>
        </div>
        {move || withdraw_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="course-error">{m}</div> })}
        <div class="workspace-grid">
            <div>
                <ApplicationFacts application=application.clone()/>
                <h2>"Attendees"</h2>
                <ul class="plain-list" data-testid="course-attendees">
                    {application.attendees.iter().map(|a| view! {
                        <li>{a.name.clone()} <span class="muted">{if a.job_title.is_empty() { format!(" {}", a.email) } else { format!(" {} · {}", a.email, a.job_title) }}</span></li>
                    }).collect_view()}
                </ul>
            </div>
            <div>
                {application.changeable.then(|| view! {
                    <div class="card">
                        <h2>"Change attendees"</h2>
                        {(application.status == "accepted").then(|| view! {
                            <p class="hint">{format!("Accepted for {} places: swap people, keep the number.", application.attendees.len())}</p>
                        })}
                        {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                        <ActionForm action=change attr:class="form" attr:data-testid="course-change-form">
                            <input type="hidden" name="id" value=change_id/>
                            <AttendeePicker attendees=choices selected error/>
                            <button type="submit" class="button primary" data-testid="course-change-save"
                                disabled=move || change.pending().get()>"Save attendees"</button>
                        </ActionForm>
                    </div>
                    <div class="card">
                        <h2>"Withdraw"</h2>
                        <p class="muted">{withdraw_note}</p>
                        <ActionForm action=withdraw attr:class="inline">
                            <input type="hidden" name="id" value=withdraw_id/>
                            <button type="submit" class="button danger" data-testid="course-withdraw">"Withdraw application"</button>
                        </ActionForm>
                    </div>
                })}
            </div>
        </div>
    }
}

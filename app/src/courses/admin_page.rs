//! The admin console's course applications: `/admin/courses` (the open
//! ones, oldest first, or one status) and `/admin/courses/:id` (decide,
//! mark attendance).

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};

use super::page::{ApplicationFacts, ApplicationTable};
use super::{
    admin_get_course_application, admin_list_course_applications, CourseApplication,
    DecideCourseApplication, MarkAttendance, STATUSES,
};
use crate::components::{error_of, field_error, general_error, href_with_query, successes};
use crate::i18n::use_locale;
use crate::toast::toast_on_success;

#[component]
pub fn AdminCourseApplicationsPage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let status = move || query.read().get("status").unwrap_or_default();
    let after = move || query.read().get("after").unwrap_or_default();
    let list = Resource::new(
        move || (status(), after()),
        |(status, after)| admin_list_course_applications(status, after),
    );
    view! {
        <Title text=l.t("courses-admin-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("support-inbox-eyebrow")}</p>
                    <h1>{l.t("courses-admin-heading")}</h1>
                </div>
            </div>
            <nav class="tabs" aria-label=l.t("courses-admin-status")>
                <a href="/admin/courses" class="tab" class:active=move || status().is_empty()>{l.t("courses-admin-to-decide")}</a>
                {STATUSES.iter().map(|(code, _)| {
                    let label = l.t(&format!("courses-admin-status-{code}"));
                    let current = move || status() == *code;
                    view! { <a href=href_with_query("/admin/courses", &[("status", code)]) class="tab" class:active=current>{label}</a> }
                }).collect_view()}
            </nav>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match list.await {
                        Ok(data) => view! { <ApplicationTable data status=status() base="/admin/courses"/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
pub fn AdminCourseApplicationPage() -> impl IntoView {
    let l = use_locale();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let decide = ServerAction::<DecideCourseApplication>::new();
    toast_on_success(decide);
    let attendance = ServerAction::<MarkAttendance>::new();
    toast_on_success(attendance);
    let decided = successes(decide.value());
    let marked = successes(attendance.value());
    let loaded = Resource::new(
        move || (id(), decided.get(), marked.get()),
        |(id, _, _)| admin_get_course_application(id),
    );
    view! {
        <Title text=l.t("courses-admin-one-title")/>
        <section class="page wide">
            <p><A href="/admin/courses">{l.t("courses-admin-back")}</A></p>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match loaded.await {
                        Ok(application) => view! { <Decision application decide attendance/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Decision(
    application: CourseApplication,
    decide: ServerAction<DecideCourseApplication>,
    attendance: ServerAction<MarkAttendance>,
) -> impl IntoView {
    let l = use_locale();
    let since = decide.version().get_untracked();
    let error = Signal::derive(move || {
        (decide.version().get() > since)
            .then(|| error_of(decide.value()))
            .flatten()
    });
    let attendance_error = move || general_error(&error_of(attendance.value()));
    let id = application.course_application_id.clone();
    let open = matches!(application.status.as_str(), "submitted" | "waitlisted");
    let can_waitlist = application.status == "submitted";
    let accepted = application.status == "accepted";
    view! {
        <div class="page-head">
            <div>
                <p class="eyebrow">{application.organization_name.clone()}</p>
                <h1>{application.service_title.clone()}</h1>
            </div>
        </div>
        <div class="workspace-grid">
            <div>
                <ApplicationFacts application=application.clone()/>
                <h2>{l.t("courses-admin-attendees")}</h2>
                {move || attendance_error().map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                <div class="table-wrap">
                    <table class="table" data-testid="admin-course-attendees">
                        <thead><tr><th scope="col">{l.t("courses-admin-name")}</th><th scope="col">{l.t("accounts-col-email")}</th><th scope="col">{l.t("courses-admin-attended")}</th></tr></thead>
                        <tbody>
                            {application.attendees.iter().map(|a| {
                                let marks = accepted.then(|| {
                                    let (yes_id, no_id) = (id.clone(), id.clone());
                                    let (yes_attendee, no_attendee) = (a.attendee_id.clone(), a.attendee_id.clone());
                                    view! {
                                        <ActionForm action=attendance attr:class="inline">
                                            <input type="hidden" name="id" value=yes_id/>
                                            <input type="hidden" name="attendee_id" value=yes_attendee/>
                                            <input type="hidden" name="attended" value="true"/>
                                            <button type="submit" class="button small" data-testid="attended-yes">{l.t("courses-admin-attended")}</button>
                                        </ActionForm>
                                        <ActionForm action=attendance attr:class="inline">
                                            <input type="hidden" name="id" value=no_id/>
                                            <input type="hidden" name="attendee_id" value=no_attendee/>
                                            <input type="hidden" name="attended" value="false"/>
                                            <button type="submit" class="button small" data-testid="attended-no">{l.t("courses-admin-absent")}</button>
                                        </ActionForm>
                                    }
                                });
                                let mark = match a.attended {
                                    Some(true) => l.t("courses-admin-attended"),
                                    Some(false) => l.t("courses-admin-absent"),
                                    None => "—".to_string(),
                                };
                                view! {
                                    <tr>
                                        <td data-label=l.t("courses-admin-name")>{a.name.clone()}</td>
                                        <td data-label=l.t("accounts-col-email")>{a.email.clone()}</td>
                                        <td data-label=l.t("courses-admin-attended")><div class="row-actions"><span data-testid="attendance">{mark}</span>{marks}</div></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                </div>
            </div>
            <div>
                {open.then(|| view! {
                    <div class="card">
                        <h2>{l.t("review-decide")}</h2>
                        <p class="muted">{l.t("courses-admin-decide-hint")}</p>
                        {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="decision-error">{m}</div> })}
                        <ActionForm action=decide attr:class="form" attr:data-testid="decision-form">
                            <input type="hidden" name="id" value=id.clone()/>
                            <div class="field" class:field-invalid=move || field_error(&error.get(), "reason").is_some()>
                                <label for="decision-reason">{l.t("courses-admin-message")} " " <span class="optional">{l.t("courses-admin-message-hint")}</span></label>
                                <textarea id="decision-reason" name="reason" rows="3" data-testid="decision-reason"></textarea>
                                <p class="field-error">{move || field_error(&error.get(), "reason")}</p>
                            </div>
                            <fieldset class="field choices" class:field-invalid=move || field_error(&error.get(), "decision").is_some()>
                                <legend>{l.t("courses-admin-decision")}</legend>
                                <label class="check"><input type="radio" name="decision" value="accept" data-testid="decision-accept"/>" " {l.t("courses-admin-accept")}</label>
                                {can_waitlist.then(|| view! {
                                    <label class="check"><input type="radio" name="decision" value="waitlist" data-testid="decision-waitlist"/>" " {l.t("courses-admin-waitlist")}</label>
                                })}
                                <label class="check"><input type="radio" name="decision" value="reject" data-testid="decision-reject"/>" " {l.t("review-reject")}</label>
                                <p class="field-error">{move || field_error(&error.get(), "decision")}</p>
                            </fieldset>
                            <button type="submit" class="button primary" data-testid="decision-submit"
                                disabled=move || decide.pending().get()>{l.t("courses-admin-record")}</button>
                        </ActionForm>
                    </div>
                })}
            </div>
        </div>
    }
}

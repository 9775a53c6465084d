//! `/org/attendees/:id`: everything held about one attendee, a JSON
//! download of it, and erasure behind a confirmation box. The download
//! link and the erase form are plain HTML, so both work without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::{attendee_personal_data, AttendeeData, EraseAttendee};
use crate::components::{error_of, field_error, general_error, percent_encode};
use crate::courses::status_label_in;
use crate::dashboard::activity_label;
use crate::i18n::{use_locale, Locale};

#[component]
pub fn AttendeePersonalDataPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let erase = ServerAction::<EraseAttendee>::new();
    let data = Resource::new(id, attendee_personal_data);
    let l = use_locale();

    view! {
        <Title text=l.t("attendees-personal-title")/>
        <section class="page wide">
            <p class="breadcrumb"><A href="/org/attendees">"← " {l.t("nav-attendees")}</A></p>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <PersonalData data erase/> }.into_any(),
                        Err(e) => view! {
                            <h1>{l.t("attendees-personal-heading")}</h1>
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn yes_no(l: Locale, value: Option<bool>) -> String {
    l.t(match value {
        Some(true) => "attendees-attended",
        Some(false) => "attendees-did-not-attend",
        None => "attendees-not-marked",
    })
}

#[component]
fn PersonalData(data: AttendeeData, erase: ServerAction<EraseAttendee>) -> impl IntoView {
    // Pretty JSON, the same bytes on the server and in the browser.
    let json = serde_json::to_string_pretty(&data).unwrap_or_default();
    let href = format!(
        "data:application/json;charset=utf-8,{}",
        percent_encode(&json)
    );
    let l = use_locale();
    let file = format!("attendee-{}.json", data.attendee.attendee_id);
    let attendee = data.attendee.clone();
    let error = Signal::derive(move || error_of(erase.value()));
    let confirm_error = move || field_error(&error.get(), "confirm");
    let other_error = move || general_error(&error.get());

    view! {
        <div class="page-head">
            <div>
                <p class="eyebrow">{l.t("attendees-personal-heading")}</p>
                <h1 data-testid="personal-name">{attendee.name.clone()}</h1>
            </div>
            <a class="button primary" href=href download=file data-testid="personal-download">{l.t("attendees-download-json")}</a>
        </div>
        <div class="detail-grid">
            <div>
                <div class="card">
                    <h2>{l.t("attendees-record")}</h2>
                    <dl class="facts" data-testid="personal-record">
                        <dt>{l.t("attendees-name")}</dt><dd>{attendee.name.clone()}</dd>
                        <dt>{l.t("label-email")}</dt><dd>{attendee.email.clone()}</dd>
                        <dt>{l.t("attendees-job-title")}</dt><dd>{if attendee.job_title.is_empty() { "—".to_string() } else { attendee.job_title.clone() }}</dd>
                        <dt>{l.t("courses-organization")}</dt><dd>{data.organization.clone()}</dd>
                        <dt>{l.t("attendees-added")}</dt><dd>{data.added.clone()}</dd>
                        <dt>{l.t("attendees-last-changed")}</dt><dd>{data.last_changed.clone()}</dd>
                    </dl>
                </div>
                <div class="card">
                    <h2>{l.t("nav-course-applications")}</h2>
                    {if data.course_applications.is_empty() {
                        view! { <p class="muted" data-testid="personal-no-courses">{l.t("attendees-no-courses")}</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="table" data-testid="personal-courses">
                                    <thead>
                                        <tr>
                                            <th scope="col">{l.t("courses-course")}</th>
                                            <th scope="col">{l.t("attendees-starts")}</th>
                                            <th scope="col">{l.t("orders-status")}</th>
                                            <th scope="col">{l.t("attendees-attendance")}</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {data.course_applications.clone().into_iter().map(|c| view! {
                                            <tr>
                                                <td data-label=l.t("courses-course")><A href=format!("/org/courses/{}", c.course_application_id)>{c.course.clone()}</A></td>
                                                <td data-label=l.t("attendees-starts")>{c.starts.clone().unwrap_or_else(|| "—".into())}</td>
                                                <td data-label=l.t("orders-status")>{status_label_in(l, &c.status)}</td>
                                                <td data-label=l.t("attendees-attendance")>{yes_no(l, c.attended)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                </div>
                <div class="card">
                    <h2>{l.t("attendees-history")}</h2>
                    <ol class="timeline" data-testid="personal-history">
                        {data.history.clone().into_iter().map(|h| view! {
                            <li>
                                <span class="timeline-when">{h.at.clone()}</span>
                                <span class="timeline-what">{l.t_args("attendees-history-entry", &[("action", activity_label(l, &h.action).into()), ("by", h.by.clone().into())])}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                </div>
            </div>
            <div>
                <div class="card">
                    <h2>{l.t("attendees-erase")}</h2>
                    <p class="muted">
                        {l.t("attendees-erase-text")}
                    </p>
                    {move || other_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="erase-error">{m}</div> })}
                    <ActionForm action=erase attr:class="form" attr:data-testid="erase-form">
                        <input type="hidden" name="id" value=attendee.attendee_id.clone()/>
                        <div class="field checkbox" class:field-invalid=move || confirm_error().is_some()>
                            <label for="erase-confirm">
                                <input type="checkbox" id="erase-confirm" name="confirm" value="on"
                                    aria-describedby="erase-confirm-error"
                                    aria-invalid=move || confirm_error().is_some().then_some("true")
                                    data-testid="erase-confirm"/>
                                " " {l.t_args("attendees-erase-confirm", &[("name", attendee.name.clone().into())])}
                            </label>
                            <p class="field-error" id="erase-confirm-error" aria-live="polite" data-testid="error-confirm">{confirm_error}</p>
                        </div>
                        <button type="submit" class="button danger" data-testid="erase-submit"
                            disabled=move || erase.pending().get()>{l.t("attendees-erase")}</button>
                    </ActionForm>
                </div>
            </div>
        </div>
    }
}

//! `/org/attendees/:id`: everything held about one attendee, a JSON
//! download of it, and erasure behind a confirmation box. The download
//! link and the erase form are plain HTML, so both work without JavaScript.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::{attendee_personal_data, AttendeeData, EraseAttendee};
use crate::components::{error_of, field_error, general_error, percent_encode};

#[component]
pub fn AttendeePersonalDataPage() -> impl IntoView {
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let erase = ServerAction::<EraseAttendee>::new();
    let data = Resource::new(id, attendee_personal_data);

    view! {
        <Title text="Attendee's personal data — Coursegate"/>
        <section class="page wide">
            <p class="breadcrumb"><A href="/org/attendees">"← Attendees"</A></p>
            <Transition fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match data.await {
                        Ok(data) => view! { <PersonalData data erase/> }.into_any(),
                        Err(e) => view! {
                            <h1>"Attendee's personal data"</h1>
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div>
                        }
                        .into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

fn yes_no(value: Option<bool>) -> &'static str {
    match value {
        Some(true) => "Attended",
        Some(false) => "Did not attend",
        None => "Not marked",
    }
}

#[component]
fn PersonalData(data: AttendeeData, erase: ServerAction<EraseAttendee>) -> impl IntoView {
    // Pretty JSON, the same bytes on the server and in the browser.
    let json = serde_json::to_string_pretty(&data).unwrap_or_default();
    let href = format!(
        "data:application/json;charset=utf-8,{}",
        percent_encode(&json)
    );
    let file = format!("attendee-{}.json", data.attendee.attendee_id);
    let attendee = data.attendee.clone();
    let error = Signal::derive(move || error_of(erase.value()));
    let confirm_error = move || field_error(&error.get(), "confirm");
    let other_error = move || general_error(&error.get());

    view! {
        <div class="page-head">
            <div>
                <p class="eyebrow">"Attendee's personal data"</p>
                <h1 data-testid="personal-name">{attendee.name.clone()}</h1>
            </div>
            <a class="button primary" href=href download=file data-testid="personal-download">"Download as JSON"</a>
        </div>
        <div class="detail-grid">
            <div>
                <div class="card">
                    <h2>"Record"</h2>
                    <dl class="facts" data-testid="personal-record">
                        <dt>"Name"</dt><dd>{attendee.name.clone()}</dd>
                        <dt>"Email"</dt><dd>{attendee.email.clone()}</dd>
                        <dt>"Job title"</dt><dd>{if attendee.job_title.is_empty() { "—".to_string() } else { attendee.job_title.clone() }}</dd>
                        <dt>"Organization"</dt><dd>{data.organization.clone()}</dd>
                        <dt>"Added"</dt><dd>{data.added.clone()}</dd>
                        <dt>"Last changed"</dt><dd>{data.last_changed.clone()}</dd>
                    </dl>
                </div>
                <div class="card">
                    <h2>"Course applications"</h2>
                    {if data.course_applications.is_empty() {
                        view! { <p class="muted" data-testid="personal-no-courses">"Not named on any course application."</p> }.into_any()
                    } else {
                        view! {
                            <div class="table-wrap">
                                <table class="table" data-testid="personal-courses">
                                    <thead>
                                        <tr>
                                            <th scope="col">"Course"</th>
                                            <th scope="col">"Starts"</th>
                                            <th scope="col">"Status"</th>
                                            <th scope="col">"Attendance"</th>
                                        </tr>
                                    </thead>
                                    <tbody>
                                        {data.course_applications.clone().into_iter().map(|c| view! {
                                            <tr>
                                                <td data-label="Course"><A href=format!("/org/courses/{}", c.course_application_id)>{c.course.clone()}</A></td>
                                                <td data-label="Starts">{c.starts.clone().unwrap_or_else(|| "—".into())}</td>
                                                <td data-label="Status">{c.status.clone()}</td>
                                                <td data-label="Attendance">{yes_no(c.attended)}</td>
                                            </tr>
                                        }).collect_view()}
                                    </tbody>
                                </table>
                            </div>
                        }.into_any()
                    }}
                </div>
                <div class="card">
                    <h2>"History"</h2>
                    <ol class="timeline" data-testid="personal-history">
                        {data.history.clone().into_iter().map(|h| view! {
                            <li>
                                <span class="timeline-when">{h.at.clone()}</span>
                                <span class="timeline-what">{format!("{} by {}", h.action, h.by)}</span>
                            </li>
                        }).collect_view()}
                    </ol>
                </div>
            </div>
            <div>
                <div class="card">
                    <h2>"Erase personal data"</h2>
                    <p class="muted">
                        "Erasing removes the name, email and job title for good and takes the person off the attendee list. Course applications, attendance and expense lines stay, showing \"Erased attendee\" instead of the name. Download the data first if the person asked for a copy."
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
                                {format!(" Erase {}'s personal data. This cannot be undone.", attendee.name)}
                            </label>
                            <p class="field-error" id="erase-confirm-error" aria-live="polite" data-testid="error-confirm">{confirm_error}</p>
                        </div>
                        <button type="submit" class="button danger" data-testid="erase-submit"
                            disabled=move || erase.pending().get()>"Erase personal data"</button>
                    </ActionForm>
                </div>
            </div>
        </div>
    }
}

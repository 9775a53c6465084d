//! The applicant's private status page, reached through the mailed link.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_params_map;

use super::apply::{FieldMessages, FormField, Kind};
use super::{application_status, RespondToInfoRequest, Status, StatusView, WithdrawApplication};
use crate::components::{textarea_text, ErrorSummary, StatusBadge};
use crate::error::AppError;
use crate::form_post::posted;
use crate::format;
use crate::i18n::use_locale;
use crate::toast::toast_on_success;
use leptos::server_fn::ServerFn;

fn kind_of(field: &str) -> Kind {
    match field {
        "country" => Kind::Country,
        "org_type" => Kind::OrgType,
        "org_size" => Kind::OrgSize,
        "contact_email" => Kind::Email,
        "phone" => Kind::Tel,
        "website" => Kind::Url,
        "intended_use" => Kind::TextArea,
        _ => Kind::Text,
    }
}

#[component]
pub fn StatusPage() -> impl IntoView {
    let l = use_locale();
    let params = use_params_map();
    let token = move || params.read().get("token").unwrap_or_default();
    let respond = ServerAction::<RespondToInfoRequest>::new();
    toast_on_success(respond);
    let withdraw = ServerAction::<WithdrawApplication>::new();
    toast_on_success(withdraw);
    let view_data = Resource::new(
        move || (token(), respond.version().get(), withdraw.version().get()),
        |(token, _, _)| application_status(token),
    );

    view! {
        <Title text=l.t("status-title")/>
        <section class="page narrow">
            <Suspense fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match view_data.await {
                        Ok(data) => view! { <StatusBody data token=token() respond withdraw/> }.into_any(),
                        Err(e) => view! {
                            <h1>{l.t("status-heading")}</h1>
                            <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div>
                        }
                        .into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

#[component]
fn StatusBody(
    data: StatusView,
    token: String,
    respond: ServerAction<RespondToInfoRequest>,
    withdraw: ServerAction<WithdrawApplication>,
) -> impl IntoView {
    let l = use_locale();
    let status = data.status;
    let respond_error = Signal::derive(move || respond.value().get().and_then(Result::err));
    let withdraw_error = move || withdraw.value().get().and_then(Result::err);
    let messages = FieldMessages::new(respond_error);
    let answer_message = move || {
        respond_error.with(|e| {
            e.as_ref()
                .and_then(AppError::field_errors)
                .and_then(|f| f.get("answer").map(str::to_string))
        })
    };
    let general_respond_error = move || {
        respond_error.get().and_then(|e| match e {
            AppError::Validation(_) => None,
            other => Some(other.to_string()),
        })
    };

    let typed_answer = posted::<RespondToInfoRequest>("answer");
    let info_form = data.info_request.clone().map(|(message, fields)| {
        let values = data.values.clone();
        let token = token.clone();
        view! {
            <section class="card highlight" data-testid="info-request">
                <h2>{l.t("status-info-heading")}</h2>
                <blockquote class="quote" data-testid="info-request-message">{message}</blockquote>
                {move || general_respond_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{m}</div> })}
                <ErrorSummary error=respond_error field_id=|field| format!("f-{field}")
                    message=Callback::new(move |field: String| if field == "answer" { answer_message() } else { messages.message(&field) })/>
                <ActionForm action=respond attr:class="form" attr:novalidate="" attr:data-testid="respond-form">
                    <input type="hidden" name="token" value=token.clone()/>
                    {fields
                        .iter()
                        .map(|field| {
                            let name: &'static str = super::FIELDS
                                .iter()
                                .find(|(n, _)| n == field)
                                .map(|(n, _)| *n)
                                .unwrap_or("legal_name");
                            view! {
                                <FormField name kind=kind_of(name) messages required=name != "website"
                                    value=values.get(name).to_string() action=RespondToInfoRequest::PATH/>
                            }
                        })
                        .collect_view()}
                    <div class="field" class:field-invalid=move || answer_message().is_some()>
                        <label for="f-answer">{l.t("status-your-answer")}</label>
                        <textarea id="f-answer" name="answer" rows="4" required data-testid="field-answer"
                            aria-invalid=move || answer_message().is_some().then_some("true")
                            aria-describedby="f-answer-error"
                        >{typed_answer.clone().map(textarea_text)}</textarea>
                        <p class="field-error" id="f-answer-error" aria-live="polite" data-testid="error-answer">{answer_message}</p>
                    </div>
                    <button type="submit" class="button primary" data-testid="respond-submit"
                        disabled=move || respond.pending().get()>{l.t("status-send-answer")}</button>
                </ActionForm>
            </section>
        }
    });

    view! {
        <p class="eyebrow">{l.t("status-eyebrow")}</p>
        <h1 data-testid="status-org">{data.legal_name.clone()}</h1>
        <p class="status-line">
            <StatusBadge code=status.code() label=l.t(&format!("state-{}", status.code()))/>
            <span class="muted">{format!(" {}", l.t_args("status-submitted", &[("when", format::time_in(l, data.created_at).into())]))}</span>
        </p>
        {(!status.is_final()).then(|| view! {
            <div class="banner banner-info" data-testid="private-link-note">
                {l.t("status-private-link")}
            </div>
        })}
        {data.rejection_reason.clone().filter(|_| status == Status::Rejected).map(|reason| view! {
            <section class="card" data-testid="rejection">
                <h2>{l.t("status-rejected-heading")}</h2>
                <blockquote class="quote">{reason}</blockquote>
            </section>
        })}
        {(status == Status::Approved).then(|| view! {
            <section class="card" data-testid="approved">
                <h2>{l.t("status-approved-heading")}</h2>
                <p>{l.t("status-approved-text")}</p>
            </section>
        })}
        {info_form}
        <section class="card">
            <h2>{l.t("status-timeline")}</h2>
            <ol class="timeline" data-testid="timeline">
                {data.timeline.iter().map(|entry| view! {
                    <li>
                        <span class="timeline-when">{format::time_in(l, entry.at)}</span>
                        <span class="timeline-what">{entry.label.clone()}</span>
                        {entry.message.clone().map(|m| view! { <p class="timeline-message">{m}</p> })}
                    </li>
                }).collect_view()}
            </ol>
        </section>
        {(!status.is_final()).then(|| view! {
            <section class="card danger-zone">
                <h2>{l.t("status-withdraw-heading")}</h2>
                <p class="muted">{l.t("status-withdraw-text")}</p>
                {move || withdraw_error().map(|e| view! { <div class="banner banner-error" role="alert" data-testid="withdraw-error">{e.to_string()}</div> })}
                <ActionForm action=withdraw attr:class="form inline" attr:data-testid="withdraw-form">
                    <input type="hidden" name="token" value=token.clone()/>
                    <label class="checkbox">
                        <input type="checkbox" required data-testid="withdraw-confirm"/>
                        " " {l.t("status-withdraw-confirm")}
                    </label>
                    <button type="submit" class="button danger" data-testid="withdraw-submit">{l.t("status-withdraw")}</button>
                </ActionForm>
            </section>
        })}
    }
}

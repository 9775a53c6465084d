//! One application in the review console: its fields, duplicate warnings,
//! timeline, the claim, and the three decisions.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::{
    get_application, ApplicationDetail, ApproveApplication, ClaimApplication, RejectApplication,
    RequestInfo, ResendInvitation,
};
use crate::applications::{Status, FIELDS};
use crate::components::StatusBadge;
use crate::components::{error_of, field_error, general_error};
use crate::format;
use crate::i18n::{use_locale, Locale};
use crate::toast::toast_on_success;
use crate::validate::{country_name, OrgSize, OrgType};

fn shown_value(l: Locale, field: &str, value: &str) -> String {
    match field {
        "country" => format!("{} ({value})", country_name(value)),
        // The same keys as the application form's choices.
        "org_type" => OrgType::parse(value)
            .map(|t| l.t(&format!("org-type-{}", t.code())))
            .unwrap_or_else(|_| value.into()),
        "org_size" => OrgSize::parse(value)
            .map(|t| l.t(&format!("org-size-{}", t.code().trim_end_matches('+'))))
            .unwrap_or_else(|_| value.into()),
        _ if value.is_empty() => "—".into(),
        _ => value.into(),
    }
}

#[derive(Clone, Copy)]
struct Actions {
    claim: ServerAction<ClaimApplication>,
    request: ServerAction<RequestInfo>,
    approve: ServerAction<ApproveApplication>,
    reject: ServerAction<RejectApplication>,
    resend: ServerAction<ResendInvitation>,
}

#[component]
pub fn ApplicationDetailPage() -> impl IntoView {
    let l = use_locale();
    let params = use_params_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let actions = Actions {
        claim: ServerAction::new(),
        request: ServerAction::new(),
        approve: ServerAction::new(),
        reject: ServerAction::new(),
        resend: ServerAction::new(),
    };
    toast_on_success(actions.claim);
    toast_on_success(actions.request);
    toast_on_success(actions.approve);
    toast_on_success(actions.reject);
    toast_on_success(actions.resend);
    let detail = Resource::new(
        move || {
            (
                id(),
                actions.claim.version().get()
                    + actions.request.version().get()
                    + actions.approve.version().get()
                    + actions.reject.version().get()
                    + actions.resend.version().get(),
            )
        },
        |(id, _)| get_application(id),
    );

    view! {
        <Title text=l.t("review-title")/>
        <section class="page wide">
            <p class="breadcrumb"><A href="/admin/applications">{l.t("review-back")}</A></p>
            <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                {move || Suspend::new(async move {
                    match detail.await {
                        Ok(data) => view! { <Detail data actions/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Transition>
        </section>
    }
}

#[component]
fn Detail(data: ApplicationDetail, actions: Actions) -> impl IntoView {
    let l = use_locale();
    let status = data.status;
    let id = data.application_id.clone();
    let can_decide = data.claimed_by_me && matches!(status, Status::InReview | Status::Resubmitted);
    let claim_error = move || general_error(&error_of(actions.claim.value()));

    let claim_panel = (!status.is_final() && !data.claimed_by_me).then(|| {
        let take_over = data.claimed_by.is_some();
        let label = match &data.claimed_by {
            Some(other) => l.t_args("review-take-over", &[("who", other.clone().into())]),
            None => l.t("review-claim"),
        };
        let id = id.clone();
        view! {
            <div class="card actions">
                {data.claimed_by.clone().map(|other| view! { <p>{l.t("review-claimed-by")} " " <strong>{other}</strong></p> })}
                {move || claim_error().map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                <ActionForm action=actions.claim attr:data-testid="claim-form">
                    <input type="hidden" name="id" value=id.clone()/>
                    <input type="hidden" name="take_over" value=take_over.to_string()/>
                    <button type="submit" class="button primary" data-testid="claim-button"
                        disabled=move || actions.claim.pending().get()>{label}</button>
                </ActionForm>
            </div>
        }
    });

    let waiting = (status == Status::InfoRequested).then(|| {
        data.info_request.clone().map(|(message, fields)| {
            let labels: Vec<String> = fields.iter().map(|f| l.t(&format!("field-{f}"))).collect();
            view! {
                <div class="card highlight">
                    <h2>{l.t("review-waiting")}</h2>
                    <blockquote class="quote">{message}</blockquote>
                    <p class="muted">{l.t_args("review-editable-fields", &[("fields", labels.join(", ").into())])}</p>
                </div>
            }
        })
    });

    let decisions = can_decide.then(
        || view! { <Decisions id=id.clone() contact=data.values.contact_email.clone() actions/> },
    );

    let hints = data.duplicates.clone();
    let duplicates = (!hints.is_empty()).then(move || view! {
        <div class="banner banner-warning" role="note" data-testid="duplicates">
            <strong>{l.t("queue-duplicate")}</strong>
            <ul>
                {hints.clone().into_iter().map(|d| view! {
                    <li>
                        {format!("{}: ", d.reason)}
                        {match d.link.clone() {
                            Some(href) => view! { <A href=href>{d.other.clone()}</A> }.into_any(),
                            None => view! { <span>{d.other.clone()}</span> }.into_any(),
                        }}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    });

    let account = data.account.clone().map(|account| {
        let invited = account.user_status == "invited";
        let user_id = account.user_id.clone();
        let resend_error = move || general_error(&error_of(actions.resend.value()));
        view! {
            <div class="card" data-testid="account">
                <h2>{l.t("review-account")}</h2>
                <dl class="facts">
                    <dt>{l.t("review-account-admin")}</dt><dd data-testid="account-email">{account.email.clone()}</dd>
                    <dt>{l.t("review-account-state")}</dt>
                    <dd data-testid="account-state">{if invited { l.t("review-account-invited") } else { l.t(&format!("user-status-{}", account.user_status)) }}</dd>
                    {account.invitation_expires_at.filter(|_| invited).map(|at| view! {
                        <dt>{l.t("review-link-valid")}</dt><dd>{format::time_in(l, at)}</dd>
                    })}
                </dl>
                {invited.then(|| view! {
                    {move || resend_error().map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                    <ActionForm action=actions.resend attr:data-testid="resend-form">
                        <input type="hidden" name="user_id" value=user_id.clone()/>
                        <button type="submit" class="button" data-testid="resend-button">{l.t("review-resend")}</button>
                    </ActionForm>
                })}
            </div>
        }
    });

    view! {
        <div class="page-head">
            <div>
                <p class="eyebrow">{l.t("review-eyebrow")}</p>
                <h1 data-testid="detail-org">{if data.purged_at.is_some() { l.t("review-purged-name") } else { data.values.legal_name.clone() }}</h1>
                <p class="status-line">
                    <StatusBadge code=status.code() label=l.t(&format!("state-{}", status.code()))/>
                    <span class="muted">{format!(" {}", l.t_args("review-submitted", &[("when", format::time_in(l, data.created_at).into())]))}</span>
                    {data.claimed_by.clone().map(|who| view! { <span class="muted">{format!(" · {}", l.t_args("review-reviewer", &[("who", who.into())]))}</span> })}
                </p>
            </div>
        </div>
        {duplicates.map(IntoAny::into_any)}
        {data.rejection_reason.clone().filter(|_| status == Status::Rejected).map(|r| view! {
            <div class="card"><h2>{l.t("state-rejected")}</h2><blockquote class="quote">{r}</blockquote></div>
        })}
        <div class="detail-grid">
            <div>
                <div class="card">
                    <h2>{l.t("review-details")}</h2>
                    {data.purged_at.map(|at| view! {
                        <div class="banner banner-warning" role="status" data-testid="detail-purged">
                            {l.t_args("review-purged", &[("when", format::time_in(l, at).into())])}
                        </div>
                    })}
                    <dl class="facts" data-testid="detail-fields">
                        {FIELDS.iter().map(|(name, _)| view! {
                            <dt>{l.t(&format!("field-{name}"))}</dt>
                            <dd>{shown_value(l, name, data.values.get(name))}</dd>
                        }).collect_view()}
                        <dt>{l.t("review-terms")}</dt>
                        <dd data-testid="detail-terms">
                            {match data.terms.clone() {
                                Some((version, at)) => l.t_args("review-terms-version", &[("version", version.into()), ("when", format::time_in(l, at).into())]),
                                None => l.t("review-terms-unknown"),
                            }}
                        </dd>
                    </dl>
                </div>
                <div class="card">
                    <h2>{l.t("review-timeline")}</h2>
                    <ol class="timeline">
                        {data.timeline.iter().map(|entry| view! {
                            <li>
                                <span class="timeline-when">{format::time_in(l, entry.at)}</span>
                                <span class="timeline-what">{entry.label.clone()}</span>
                                {entry.message.clone().map(|m| view! { <p class="timeline-message">{m}</p> })}
                            </li>
                        }).collect_view()}
                    </ol>
                </div>
            </div>
            <div>
                {claim_panel.map(IntoAny::into_any)}
                {waiting.flatten().map(IntoAny::into_any)}
                {decisions.map(IntoAny::into_any)}
                {account.map(IntoAny::into_any)}
            </div>
        </div>
    }
}

#[component]
fn Decisions(id: String, contact: String, actions: Actions) -> impl IntoView {
    let l = use_locale();
    let fields = RwSignal::new(Vec::<String>::new());
    let message = RwSignal::new(String::new());
    let request_error = Signal::derive(move || error_of(actions.request.value()));
    let approve_error = Signal::derive(move || error_of(actions.approve.value()));
    let reject_error = Signal::derive(move || error_of(actions.reject.value()));
    let request_id = id.clone();
    let approve_id = id.clone();
    let reject_id = id;
    let on_request = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        actions.request.dispatch(RequestInfo {
            id: request_id.clone(),
            fields: fields.get_untracked().join(","),
            message: message.get_untracked(),
        });
    };

    view! {
        <div class="card actions" data-testid="decisions">
            <h2>{l.t("review-decide")}</h2>
            <details class="decision" open>
                <summary>{l.t("review-approve-heading")}</summary>
                {move || general_error(&approve_error.get()).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="approve-error">{m}</div> })}
                <ActionForm action=actions.approve attr:class="form" attr:data-testid="approve-form">
                    <input type="hidden" name="id" value=approve_id/>
                    <div class="field" class:field-invalid=move || field_error(&approve_error.get(), "admin_email").is_some()>
                        <label for="admin-email">{l.t("review-approve-email")}</label>
                        <input id="admin-email" type="email" name="admin_email" placeholder=contact.clone() data-testid="approve-email"/>
                        <p class="hint">{l.t_args("review-approve-email-hint", &[("email", contact.clone().into())])}</p>
                        <p class="field-error" aria-live="polite">{move || field_error(&approve_error.get(), "admin_email")}</p>
                    </div>
                    <button type="submit" class="button primary" data-testid="approve-button"
                        disabled=move || actions.approve.pending().get()>{l.t("review-approve")}</button>
                </ActionForm>
            </details>
            <details class="decision">
                <summary data-testid="request-info-toggle">{l.t("review-request-heading")}</summary>
                {move || general_error(&request_error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                <form class="form" on:submit=on_request data-testid="request-info-form">
                    <fieldset class="checkbox-grid">
                        <legend>{l.t("review-request-fields")}</legend>
                        {FIELDS.iter().map(|(name, _)| {
                            let label = l.t(&format!("field-{name}"));
                            let name = name.to_string();
                            let for_change = name.clone();
                            view! {
                                <label class="checkbox">
                                    <input type="checkbox" value=name.clone() data-testid=format!("request-field-{name}")
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let field = for_change.clone();
                                            fields.update(|f| {
                                                f.retain(|x| *x != field);
                                                if on { f.push(field); }
                                            });
                                        }/>
                                    {format!(" {label}")}
                                </label>
                            }
                        }).collect_view()}
                    </fieldset>
                    <p class="field-error">{move || field_error(&request_error.get(), "fields")}</p>
                    <div class="field" class:field-invalid=move || field_error(&request_error.get(), "message").is_some()>
                        <label for="request-message">{l.t("review-request-message")}</label>
                        <textarea id="request-message" rows="3" data-testid="request-message"
                            on:input=move |ev| message.set(event_target_value(&ev))></textarea>
                        <p class="field-error">{move || field_error(&request_error.get(), "message")}</p>
                    </div>
                    <button type="submit" class="button" data-testid="request-info-button"
                        disabled=move || actions.request.pending().get()>{l.t("review-request-send")}</button>
                </form>
            </details>
            <details class="decision">
                <summary data-testid="reject-toggle">{l.t("review-reject")}</summary>
                {move || general_error(&reject_error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                <ActionForm action=actions.reject attr:class="form" attr:data-testid="reject-form">
                    <input type="hidden" name="id" value=reject_id/>
                    <div class="field" class:field-invalid=move || field_error(&reject_error.get(), "reason").is_some()>
                        <label for="reject-reason">{l.t("review-reject-reason")}</label>
                        <textarea id="reject-reason" name="reason" rows="3" data-testid="reject-reason"></textarea>
                        <p class="field-error">{move || field_error(&reject_error.get(), "reason")}</p>
                    </div>
                    <button type="submit" class="button danger" data-testid="reject-button"
                        disabled=move || actions.reject.pending().get()>{l.t("review-reject")}</button>
                </ActionForm>
            </details>
        </div>
    }
}

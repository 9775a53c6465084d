//! `/support` (the Customer admin's requests), `/admin/support` (the
//! operators' inbox) and `/contact` (the public contact form).

use leptos::prelude::*;
use leptos_meta::Title;

use super::{
    admin_thread, get_request, inbox, list_requests, AdminReply, Contact, Message, OpenRequest,
    ReplyRequest, Thread, ThreadSummary, CONTACT_SUBJECT,
};
use crate::components::{error_of, field_error, general_error};
use crate::i18n::{use_locale, Locale};
use crate::toast::toast_on_success;
use crate::when::When;

fn status_label(l: Locale, status: &str) -> String {
    if status == "answered" {
        l.t("support-status-answered")
    } else {
        l.t("support-status-open")
    }
}

/// The contact form's threads share one stored subject, shown in the
/// reader's language; any other subject is the sender's own words.
fn subject_of(l: Locale, summary: &ThreadSummary) -> String {
    if summary.is_public && summary.subject == CONTACT_SUBJECT {
        l.t("support-contact-subject")
    } else {
        summary.subject.clone()
    }
}

/// The operator's messages are stored with one fixed label; it is shown in
/// the reader's language.
fn author_of(l: Locale, message: &Message) -> String {
    if message.author_kind == "operator" {
        l.t("support-operator")
    } else {
        message.author_label.clone()
    }
}

#[component]
fn Messages(thread: Thread) -> impl IntoView {
    let l = use_locale();
    view! {
        <h2 data-testid="support-thread-subject">{subject_of(l, &thread.summary)}</h2>
        <ol class="timeline" data-testid="support-messages">
            {thread.messages.into_iter().map(|m| view! {
                <li data-testid=format!("support-message-{}", m.author_kind)>
                    <p class="muted"><strong>{author_of(l, &m)}</strong>" · "<When stamp=m.sent.clone()/></p>
                    <p class="pre-wrap">{m.body}</p>
                </li>
            }).collect_view()}
        </ol>
    }
}

#[component]
pub fn SupportPage() -> impl IntoView {
    let l = use_locale();
    let open = ServerAction::<OpenRequest>::new();
    toast_on_success(open);
    let reply = ServerAction::<ReplyRequest>::new();
    toast_on_success(reply);
    let selected = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(id)) = open.value().get() {
            selected.set(Some(id));
        }
    });
    let list = Resource::new(
        move || (open.version().get(), reply.version().get(), selected.get()),
        |_| list_requests(),
    );
    let thread = Resource::new(
        move || (selected.get(), reply.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => get_request(id).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let open_error = move || error_of(open.value());
    let reply_error = move || error_of(reply.value());
    view! {
        <Title text=l.t("support-title")/>
        <section class="page wide">
            <p class="eyebrow">{l.t("support-eyebrow")}</p>
            <h1>{l.t("support-heading")}</h1>
            <div class="workspace-grid">
                <div>
                    <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                        {move || Suspend::new(async move {
                            match list.await {
                                Ok(items) if items.is_empty() => view! { <p class="muted" data-testid="support-empty">{l.t("support-empty")}</p> }.into_any(),
                                Ok(items) => view! { <ThreadList items selected admin=false/> }.into_any(),
                                Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                            }
                        })}
                    </Transition>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match thread.await {
                                Ok(Some(t)) => {
                                    let id = t.summary.thread_id.clone();
                                    view! {
                                        <div class="card" data-testid="support-thread">
                                            <Messages thread=t/>
                                            <ActionForm action=reply>
                                                <input type="hidden" name="id" value=id/>
                                                <label for="support-reply">{l.t("support-your-reply")}</label>
                                                <textarea id="support-reply" name="message" rows="4" data-testid="support-reply-message"></textarea>
                                                {move || field_error(&reply_error(), "message").map(|m| view! { <p class="field-error" data-testid="support-reply-error">{m}</p> })}
                                                <button type="submit" class="button primary" data-testid="support-reply-send">{l.t("support-send-reply")}</button>
                                            </ActionForm>
                                        </div>
                                    }.into_any()
                                }
                                Ok(None) => ().into_any(),
                                Err(e) => view! { <div class="banner banner-error" role="alert">{e.to_string()}</div> }.into_any(),
                            }
                        })}
                    </Transition>
                </div>
                <div class="card">
                    <h2>{l.t("support-new-request")}</h2>
                    {move || general_error(&open_error()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                    <ActionForm action=open>
                        <label for="support-subject">{l.t("support-subject")}</label>
                        <input id="support-subject" name="subject" maxlength="200" data-testid="support-subject"/>
                        {move || field_error(&open_error(), "subject").map(|m| view! { <p class="field-error" data-testid="support-subject-error">{m}</p> })}
                        <label for="support-message">{l.t("support-message")}</label>
                        <textarea id="support-message" name="message" rows="6" data-testid="support-message"></textarea>
                        {move || field_error(&open_error(), "message").map(|m| view! { <p class="field-error" data-testid="support-message-error">{m}</p> })}
                        <button type="submit" class="button primary" data-testid="support-open">{l.t("support-send-request")}</button>
                    </ActionForm>
                </div>
            </div>
        </section>
    }
}

#[component]
fn ThreadList(
    items: Vec<ThreadSummary>,
    selected: RwSignal<Option<String>>,
    admin: bool,
) -> impl IntoView {
    let l = use_locale();
    let marker = if admin {
        l.t("support-new-message")
    } else {
        l.t("support-new-reply")
    };
    view! {
        <ul class="list" data-testid="support-list">
            {items.into_iter().map(|t| {
                let id = t.thread_id.clone();
                view! {
                    <li data-testid="support-row">
                        <button type="button" class="link" on:click=move |_| selected.set(Some(id.clone()))>{subject_of(l, &t)}</button>
                        " "<span class=format!("badge badge-{}", t.status)>{status_label(l, &t.status)}</span>
                        {t.is_public.then(|| view! { " "<span class="badge" data-testid="support-public">{l.t("support-public")}</span> })}
                        {t.unread.then(|| view! { " "<span class="badge badge-new" data-testid="support-unread">{marker.clone()}</span> })}
                        <span class="muted">" "{t.organization_name.clone().unwrap_or(t.contact_email.clone())}" · "<When stamp=t.last_activity.clone()/></span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn AdminSupportPage() -> impl IntoView {
    let l = use_locale();
    let reply = ServerAction::<AdminReply>::new();
    toast_on_success(reply);
    let status = RwSignal::new("open".to_string());
    let cursor = RwSignal::new(String::new());
    let selected = RwSignal::new(None::<String>);
    let page = Resource::new(
        move || {
            (
                status.get(),
                cursor.get(),
                reply.version().get(),
                selected.get(),
            )
        },
        |(s, c, _, _)| inbox(s, c),
    );
    let thread = Resource::new(
        move || (selected.get(), reply.version().get()),
        |(id, _)| async move {
            match id {
                Some(id) => admin_thread(id).await.map(Some),
                None => Ok(None::<Thread>),
            }
        },
    );
    let reply_error = move || error_of(reply.value());
    let choose = move |s: &'static str| {
        status.set(s.to_string());
        cursor.set(String::new());
    };
    view! {
        <Title text=l.t("support-inbox-title")/>
        <section class="page wide">
            <p class="eyebrow">{l.t("support-inbox-eyebrow")}</p>
            <h1>{l.t("support-inbox-heading")}</h1>
            <div class="tabs">
                <button type="button" class="button small" data-testid="support-filter-open" on:click=move |_| choose("open")>{l.t("support-status-open")}</button>
                <button type="button" class="button small" data-testid="support-filter-answered" on:click=move |_| choose("answered")>{l.t("support-status-answered")}</button>
            </div>
            <div class="workspace-grid">
                <div>
                    <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                        {move || Suspend::new(async move {
                            match page.await {
                                Ok(p) => {
                                    let next = p.next.clone();
                                    view! {
                                        {if p.threads.is_empty() { Some(view! { <p class="muted" data-testid="support-empty">{l.t("support-nothing")}</p> }) } else { None }}
                                        <ThreadList items=p.threads selected admin=true/>
                                        {next.map(|n| view! { <button type="button" class="button small" data-testid="support-next" on:click=move |_| cursor.set(n.clone())>{l.t("support-next-page")}</button> })}
                                    }.into_any()
                                }
                                Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                            }
                        })}
                    </Transition>
                </div>
                <div>
                    <Transition fallback=|| ()>
                        {move || Suspend::new(async move {
                            match thread.await {
                                Ok(Some(t)) => {
                                    let id = t.summary.thread_id.clone();
                                    let who = if t.summary.is_public {
                                        l.t_args("support-from-public", &[("name", t.summary.contact_name.clone().into()), ("email", t.summary.contact_email.clone().into())])
                                    } else {
                                        format!("{} ({})", t.summary.organization_name.clone().unwrap_or_default(), t.summary.contact_email)
                                    };
                                    view! {
                                        <div class="card" data-testid="support-thread">
                                            <p class="muted" data-testid="support-from">{who}</p>
                                            <Messages thread=t/>
                                            {move || general_error(&reply_error()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
                                            <ActionForm action=reply>
                                                <input type="hidden" name="id" value=id/>
                                                <label for="admin-support-reply">{l.t("support-answer")}</label>
                                                <textarea id="admin-support-reply" name="message" rows="5" data-testid="support-reply-message"></textarea>
                                                {move || field_error(&reply_error(), "message").map(|m| view! { <p class="field-error" data-testid="support-reply-error">{m}</p> })}
                                                <button type="submit" class="button primary" data-testid="support-reply-send">{l.t("support-send-answer")}</button>
                                            </ActionForm>
                                        </div>
                                    }.into_any()
                                }
                                Ok(None) => view! { <p class="muted">{l.t("support-choose")}</p> }.into_any(),
                                Err(e) => view! { <div class="banner banner-error" role="alert">{e.to_string()}</div> }.into_any(),
                            }
                        })}
                    </Transition>
                </div>
            </div>
        </section>
    }
}

#[component]
pub fn ContactPage() -> impl IntoView {
    let l = crate::i18n::use_locale();
    let send = ServerAction::<Contact>::new();
    toast_on_success(send);
    let error = move || error_of(send.value());
    let sent = move || matches!(send.value().get(), Some(Ok(())));
    view! {
        <Title text=l.t("contact-title")/>
        <section class="page narrow">
            <h1>{l.t("home-contact")}</h1>
            <p class="lead">{l.t("contact-lead")}</p>
            <Show when=sent fallback=move || view! {
                {move || general_error(&error()).map(|m| view! { <div class="banner banner-error" role="alert" data-testid="contact-error">{m}</div> })}
                <ActionForm action=send>
                    <label for="contact-name">{l.t("contact-name")}</label>
                    <input id="contact-name" name="name" autocomplete="name" data-testid="contact-name"/>
                    {move || field_error(&error(), "name").map(|m| view! { <p class="field-error" data-testid="contact-name-error">{m}</p> })}
                    <label for="contact-email">{l.t("label-email")}</label>
                    <input id="contact-email" name="email" type="email" autocomplete="email" data-testid="contact-email"/>
                    {move || field_error(&error(), "email").map(|m| view! { <p class="field-error" data-testid="contact-email-error">{m}</p> })}
                    <label for="contact-message">{l.t("contact-message")}</label>
                    <textarea id="contact-message" name="message" rows="6" data-testid="contact-message"></textarea>
                    {move || field_error(&error(), "message").map(|m| view! { <p class="field-error" data-testid="contact-message-error">{m}</p> })}
                    <button type="submit" class="button primary" data-testid="contact-send">{l.t("contact-send")}</button>
                </ActionForm>
            }>
                <div class="banner" role="status" data-testid="contact-sent">{l.t("contact-sent")}</div>
            </Show>
        </section>
    }
}

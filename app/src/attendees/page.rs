//! `/org/attendees`: search and page through attendees, add or edit one,
//! delete, and move them in and out as CSV.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::{Form, A};
use leptos_router::hooks::use_query_map;

use super::{
    list_attendees, Attendee, AttendeeInput, AttendeePage, CreateAttendee, DeleteAttendee,
    ExportAttendees, ImportAttendees, UpdateAttendee,
};
use crate::components::{error_of, field_error, general_error, href_with_query, percent_encode};
use crate::error::AppError;
use crate::i18n::use_locale;
use crate::toast::toast_on_success;

#[derive(Clone, Copy)]
struct Actions {
    /// The add or edit form, whichever is showing.
    form: NodeRef<leptos::html::Form>,
    create: ServerAction<CreateAttendee>,
    update: ServerAction<UpdateAttendee>,
    delete: ServerAction<DeleteAttendee>,
    import: ServerAction<ImportAttendees>,
}

fn page_href(q: &str, after: &str) -> String {
    href_with_query("/org/attendees", &[("q", q), ("after", after)])
}

#[component]
pub fn AttendeesPage() -> impl IntoView {
    let l = use_locale();
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    let after = move || query.read().get("after").unwrap_or_default();
    // Set by the erase form's redirect back to this list.
    let erased = move || query.read().get("erased").is_some();
    let actions = Actions {
        form: NodeRef::new(),
        create: ServerAction::new(),
        update: ServerAction::new(),
        delete: ServerAction::new(),
        import: ServerAction::new(),
    };
    toast_on_success(actions.create);
    toast_on_success(actions.update);
    toast_on_success(actions.delete);
    toast_on_success(actions.import);
    let editing = RwSignal::new(None::<Attendee>);
    // Bumped after a successful save, so the form renders empty again.
    let form_key = RwSignal::new(0u32);
    // One effect per action: each must react only to its own result.
    Effect::new(move |_| {
        if matches!(actions.create.value().get(), Some(Ok(_))) {
            form_key.update(|k| *k += 1);
        }
    });
    Effect::new(move |_| {
        if matches!(actions.update.value().get(), Some(Ok(_))) {
            editing.set(None);
            form_key.update(|k| *k += 1);
        }
    });
    // Re-rendering the form reuses its DOM nodes, which keep what was typed:
    // once the new view is in place, reset the fields to the values it
    // was rendered with.
    Effect::new(move |_| {
        form_key.track();
        editing.track();
        request_animation_frame(move || {
            if let Some(form) = actions.form.get_untracked() {
                form.reset();
            }
        });
    });
    let page = Resource::new(
        move || {
            (
                q(),
                after(),
                actions.create.version().get()
                    + actions.update.version().get()
                    + actions.delete.version().get()
                    + actions.import.version().get(),
            )
        },
        |(q, after, _)| list_attendees(q, after),
    );
    let delete_error = move || general_error(&error_of(actions.delete.value()));

    view! {
        <Title text=l.t("attendees-title")/>
        <section class="page wide">
            <div class="page-head">
                <div>
                    <p class="eyebrow">{l.t("dashboard-eyebrow")}</p>
                    <h1>{l.t("nav-attendees")}</h1>
                </div>
                <Form method="GET" action="/org/attendees" attr:class="search" attr:role="search">
                    <input type="search" name="q" value=q placeholder=l.t("attendees-search-placeholder")
                        aria-label=l.t("attendees-search-label") data-testid="attendee-search"/>
                    <button type="submit" class="button">{l.t("catalog-search")}</button>
                </Form>
            </div>
            {move || erased().then(|| view! {
                <div class="banner banner-success" role="status" data-testid="attendee-erased">
                    {l.t("attendees-erased-banner")}
                </div>
            })}
            {move || delete_error().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="attendee-error">{m}</div> })}
            <div class="workspace-grid">
                <div>
                    <Transition fallback=move || view! { <p class="muted">{l.t("loading")}</p> }>
                        {move || Suspend::new(async move {
                            match page.await {
                                Ok(data) => view! { <AttendeeTable data q=q() paged=!after().is_empty() actions editing/> }.into_any(),
                                Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.message(l)}</div> }.into_any(),
                            }
                        })}
                    </Transition>
                </div>
                <div>
                    <div class="card">
                        {move || {
                            form_key.get();
                            match editing.get() {
                                Some(attendee) => view! { <EditForm attendee actions editing/> }.into_any(),
                                None => view! { <CreateForm actions/> }.into_any(),
                            }
                        }}
                    </div>
                    <ImportCard actions/>
                    <ExportCard/>
                </div>
            </div>
        </section>
    }
}

#[component]
fn AttendeeTable(
    data: AttendeePage,
    q: String,
    paged: bool,
    actions: Actions,
    editing: RwSignal<Option<Attendee>>,
) -> impl IntoView {
    let l = use_locale();
    if data.rows.is_empty() {
        let text = if q.is_empty() {
            l.t("attendees-empty")
        } else {
            l.t("attendees-no-match")
        };
        return view! { <p class="empty" data-testid="attendee-empty">{text}</p> }.into_any();
    }
    let next = data.next.clone().map(|cursor| page_href(&q, &cursor));
    let first = page_href(&q, "");
    let total = data.total;
    view! {
        <p class="muted" data-testid="attendee-total">
            {l.t_args("attendees-total", &[("count", total.into())])}
        </p>
        <div class="table-wrap">
            <table class="table" data-testid="attendee-table">
                <thead>
                    <tr>
                        <th scope="col">{l.t("attendees-name")}</th>
                        <th scope="col">{l.t("label-email")}</th>
                        <th scope="col">{l.t("attendees-job-title")}</th>
                        <th scope="col">{l.t("attendees-actions")}</th>
                    </tr>
                </thead>
                <tbody>
                    {data.rows.into_iter().map(|attendee| {
                        let for_edit = attendee.clone();
                        let id = attendee.attendee_id.clone();
                        let delete_id = id.clone();
                        let row_id = id.clone();
                        view! {
                            <tr data-testid="attendee-row" data-id=row_id>
                                <td data-label=l.t("attendees-name")>{attendee.name.clone()}</td>
                                <td data-label=l.t("label-email")>{attendee.email.clone()}</td>
                                <td data-label=l.t("attendees-job-title")>{if attendee.job_title.is_empty() { "—".to_string() } else { attendee.job_title.clone() }}</td>
                                <td data-label=l.t("attendees-actions")>
                                    <div class="row-actions">
                                        <button type="button" class="button small" data-testid="attendee-edit"
                                            on:click=move |_| editing.set(Some(for_edit.clone()))>{l.t("attendees-edit")}</button>
                                        <A href=format!("/org/attendees/{id}") attr:class="button small" attr:data-testid="attendee-personal-data"
                                            attr:aria-label=l.t_args("attendees-personal-data-of", &[("name", attendee.name.clone().into())])>{l.t("attendees-personal-data")}</A>
                                        // A second click confirms; <details> works without JavaScript too.
                                        <details class="confirm">
                                            <summary class="button small" data-testid="attendee-delete">{l.t("attendees-delete")}</summary>
                                            <ActionForm action=actions.delete attr:class="inline">
                                                <input type="hidden" name="id" value=delete_id/>
                                                <button type="submit" class="button small danger" data-testid="attendee-delete-confirm">{l.t("attendees-delete-confirm")}</button>
                                            </ActionForm>
                                        </details>
                                    </div>
                                </td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <nav class="pager" aria-label=l.t("pager-label")>
            {paged.then(|| view! { <A href=first.clone()>"← " {l.t("pager-first")}</A> })}
            {next.map(|href| view! { <A href=href attr:data-testid="attendee-next-page">{l.t("pager-next")} " →"</A> })}
        </nav>
    }
    .into_any()
}

#[component]
fn CreateForm(actions: Actions) -> impl IntoView {
    let l = use_locale();
    // Only results of submissions made since this form appeared count.
    let since = actions.create.version().get_untracked();
    let error = Signal::derive(move || {
        (actions.create.version().get() > since)
            .then(|| error_of(actions.create.value()))
            .flatten()
    });
    view! {
        <h2>{l.t("attendees-add-heading")}</h2>
        {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
        <ActionForm action=actions.create node_ref=actions.form attr:class="form" attr:data-testid="attendee-create-form">
            <AttendeeFields values=AttendeeInput::default() error/>
            <button type="submit" class="button primary" data-testid="attendee-save"
                disabled=move || actions.create.pending().get()>{l.t("attendees-add")}</button>
        </ActionForm>
    }
}

#[component]
fn EditForm(
    attendee: Attendee,
    actions: Actions,
    editing: RwSignal<Option<Attendee>>,
) -> impl IntoView {
    // Only results of submissions made since this form appeared count.
    let since = actions.update.version().get_untracked();
    let error = Signal::derive(move || {
        (actions.update.version().get() > since)
            .then(|| error_of(actions.update.value()))
            .flatten()
    });
    let l = use_locale();
    let values = AttendeeInput {
        name: attendee.name.clone(),
        email: attendee.email.clone(),
        job_title: attendee.job_title.clone(),
    };
    view! {
        <h2>{l.t_args("attendees-edit-heading", &[("name", attendee.name.clone().into())])}</h2>
        {move || general_error(&error.get()).map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
        <ActionForm action=actions.update node_ref=actions.form attr:class="form" attr:data-testid="attendee-edit-form">
            <input type="hidden" name="id" value=attendee.attendee_id.clone()/>
            <AttendeeFields values error/>
            <div class="row-actions">
                <button type="submit" class="button primary" data-testid="attendee-save"
                    disabled=move || actions.update.pending().get()>{l.t("form-save-changes")}</button>
                <button type="button" class="button" data-testid="attendee-cancel"
                    on:click=move |_| editing.set(None)>{l.t("form-cancel")}</button>
            </div>
        </ActionForm>
    }
}

#[component]
fn AttendeeFields(values: AttendeeInput, error: Signal<Option<AppError>>) -> impl IntoView {
    let l = use_locale();
    let message = move |field: &'static str| move || field_error(&error.get(), field);
    let invalid = move |field: &'static str| move || field_error(&error.get(), field).is_some();
    view! {
        <div class="field" class:field-invalid=invalid("name")>
            <label for="attendee-name">{l.t("attendees-name")}</label>
            <input id="attendee-name" name="attendee[name]" value=values.name required data-testid="attendee-name"/>
            <p class="field-error" aria-live="polite">{message("name")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("email")>
            <label for="attendee-email">{l.t("label-email")}</label>
            <input id="attendee-email" type="email" name="attendee[email]" value=values.email required data-testid="attendee-email"/>
            <p class="field-error" aria-live="polite">{message("email")}</p>
        </div>
        <div class="field" class:field-invalid=invalid("job_title")>
            <label for="attendee-job">{l.t("attendees-job-title")} " " <span class="optional">{l.t("form-optional")}</span></label>
            <input id="attendee-job" name="attendee[job_title]" value=values.job_title data-testid="attendee-job-title"/>
            <p class="field-error" aria-live="polite">{message("job_title")}</p>
        </div>
    }
}

#[component]
fn ImportCard(actions: Actions) -> impl IntoView {
    let l = use_locale();
    let result = actions.import.value();
    let form = NodeRef::<leptos::html::Form>::new();
    // A successful import empties the text box.
    Effect::new(move |_| {
        if matches!(result.get(), Some(Ok(_))) {
            if let Some(form) = form.get_untracked() {
                form.reset();
            }
        }
    });
    let problems = move || match result.get() {
        Some(Err(AppError::Validation(errors))) => errors.0,
        _ => Vec::new(),
    };
    let other = move || general_error(&error_of(result));
    let done = move || match result.get() {
        Some(Ok(imported)) => Some(imported.count),
        _ => None,
    };
    view! {
        <div class="card">
            <h2>{l.t("attendees-import-heading")}</h2>
            <p class="muted">{l.t("attendees-import-text")}</p>
            {move || done().map(|n| view! { <div class="banner banner-success" role="status" data-testid="import-done">{l.t_args("attendees-imported", &[("count", n.into())])}</div> })}
            {move || other().map(|m| view! { <div class="banner banner-error" role="alert" data-testid="import-error">{m}</div> })}
            {move || {
                let problems = problems();
                (!problems.is_empty()).then(|| view! {
                    <div class="banner banner-warning" role="alert" data-testid="import-problems">
                        <strong>{l.t_args("attendees-import-problems", &[("count", problems.len().into())])}</strong>
                        <ul>
                            {problems.into_iter().map(|(place, reason)| view! {
                                <li data-testid="import-problem">{format!("{}: {reason}", import_place(l, &place))}</li>
                            }).collect_view()}
                        </ul>
                    </div>
                })
            }}
            <ActionForm action=actions.import node_ref=form attr:class="form" attr:data-testid="import-form">
                <div class="field">
                    <label for="import-csv">{l.t("attendees-csv-text")}</label>
                    <textarea id="import-csv" name="csv" rows="6" class="mono" required
                        placeholder="name,email,job_title" data-testid="import-csv"></textarea>
                </div>
                <button type="submit" class="button" data-testid="import-button"
                    disabled=move || actions.import.pending().get()>{l.t("attendees-import")}</button>
            </ActionForm>
        </div>
    }
}

/// Where an import problem is, as the answer names it (`line 3, email`,
/// `line 1, column 2`), in the page's language.
fn import_place(l: crate::i18n::Locale, place: &str) -> String {
    let Some((line, what)) = place
        .strip_prefix("line ")
        .and_then(|rest| rest.split_once(", "))
    else {
        return place.to_string();
    };
    let what = match what.strip_prefix("column ") {
        Some(n) => l.t_args("attendees-csv-column-n", &[("n", n.into())]),
        None => what.to_string(),
    };
    l.t_args(
        "attendees-csv-place",
        &[("line", line.into()), ("what", what.into())],
    )
}

#[component]
fn ExportCard() -> impl IntoView {
    let l = use_locale();
    let export = ServerAction::<ExportAttendees>::new();
    let value = export.value();
    let error = move || general_error(&error_of(value));
    let csv = move || value.get().and_then(Result::ok);
    view! {
        <div class="card">
            <h2>{l.t("attendees-export-heading")}</h2>
            <p class="muted">{l.t("attendees-export-text")}</p>
            {move || error().map(|m| view! { <div class="banner banner-error" role="alert">{m}</div> })}
            <div class="row-actions">
                <button type="button" class="button" data-testid="export-button"
                    disabled=move || export.pending().get()
                    on:click=move |_| { export.dispatch(ExportAttendees {}); }>{l.t("attendees-prepare-export")}</button>
                {move || csv().map(|text| view! {
                    <a class="button primary" download="attendees.csv" data-testid="export-download"
                        href=format!("data:text/csv;charset=utf-8,{}", percent_encode(&text))>{l.t("attendees-download")}</a>
                })}
            </div>
            {move || csv().map(|text| view! {
                <div class="field export-preview">
                    <label for="export-csv">{l.t("attendees-preview")}</label>
                    <textarea id="export-csv" rows="6" class="mono" readonly data-testid="export-csv">{crate::components::textarea_text(text)}</textarea>
                </div>
            })}
        </div>
    }
}

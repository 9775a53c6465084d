//! Toasts: a short confirmation after an action succeeds ("Invitation
//! sent."), in one polite live region at the foot of every page.
//!
//! With JavaScript, [`toast_on_success`] shows one each time an action
//! completes. A plain form post (JavaScript off) ends in a redirect; the
//! server adds `done=<function>` to its address and the region shows the
//! same message from there. The messages live in one table,
//! [`success_message`], keyed by the server function's path, so both ways
//! say the same thing.
//!
//! Toasts never take the focus. They hide after a few seconds unless the
//! pointer or the focus is on them, and each has a dismiss button.

use leptos::prelude::*;
use leptos::server_fn::ServerFn;
use leptos_router::hooks::use_query_map;

/// The query parameter a plain form post's redirect carries.
pub const DONE_PARAM: &str = "done";

/// The message key of what a completed action says, by its server
/// function's path (the toast shows it in the page's language). Actions
/// whose page confirms them with more than a sentence (a changed password,
/// a reset link, an import with its count) are
/// absent: their banner says it.
pub fn success_message(path: &str) -> Option<&'static str> {
    let message = match path.strip_prefix("/api/")? {
        "applications/submit" => "toast-applications-submit",
        "applications/respond" => "toast-applications-respond",
        "applications/withdraw" => "toast-applications-withdraw",
        "admin/applications/claim" => "toast-admin-applications-claim",
        "admin/applications/request_info" => "toast-admin-applications-request-info",
        "admin/applications/approve" => "toast-admin-applications-approve",
        "admin/applications/reject" => "toast-admin-applications-reject",
        "admin/invitations/resend" => "toast-admin-invitations-resend",
        "admin/organizations/suspend" => "toast-admin-organizations-suspend",
        "admin/organizations/reactivate" => "toast-admin-organizations-reactivate",
        "admin/organizations/handover" => "toast-admin-organizations-handover",
        "admin/organizations/handover_cancel" => "toast-admin-organizations-handover-cancel",
        "admin/admins/invite" => "toast-admin-admins-invite",
        "admin/admins/deactivate" => "toast-admin-admins-deactivate",
        "admin/admins/reactivate" => "toast-admin-admins-reactivate",
        "admin/outbox/retry" => "toast-admin-outbox-retry",
        "admin/catalog/create" => "toast-admin-catalog-create",
        "admin/catalog/update" => "toast-admin-catalog-update",
        "admin/catalog/set_status" => "toast-admin-catalog-set-status",
        "admin/courses/decide" => "toast-admin-courses-decide",
        "admin/courses/attendance" => "toast-admin-courses-attendance",
        "admin/support/reply" => "toast-admin-support-reply",
        "org/details/update" => "toast-org-details-update",
        "org/time_zone/update" => "toast-org-time-zone-update",
        "org/billing/create" => "toast-org-billing-create",
        "org/billing/update" => "toast-org-billing-update",
        "org/billing/set_default" => "toast-org-billing-set-default",
        "org/billing/archive" => "toast-org-billing-archive",
        "org/billing/restore" => "toast-org-billing-restore",
        "org/attendees/create" => "toast-org-attendees-create",
        "org/attendees/update" => "toast-org-attendees-update",
        "org/attendees/delete" => "toast-org-attendees-delete",
        "org/orders/create" => "toast-org-orders-create",
        "org/orders/cancel" => "toast-org-orders-cancel",
        "org/courses/create" => "toast-org-courses-create",
        "org/courses/attendees" => "toast-org-courses-attendees",
        "org/courses/withdraw" => "toast-org-courses-withdraw",
        "support/open" => "toast-support-open",
        "support/reply" => "toast-support-reply",
        "support/contact" => "toast-support-contact",
        _ => return None,
    };
    Some(message)
}

#[derive(Clone, Debug, PartialEq)]
struct Toast {
    id: u64,
    message: &'static str,
}

/// The toasts on screen; provided once for the whole app.
#[derive(Clone, Copy)]
pub struct Toasts {
    shown: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toasts {
    pub fn provide() -> Self {
        let toasts = Self {
            shown: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        };
        provide_context(toasts);
        toasts
    }

    pub fn show(&self, message: &'static str) {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.shown.update(|shown| {
            // The same message twice in a row is one toast.
            shown.retain(|t| t.message != message);
            shown.push(Toast { id, message });
        });
    }

    fn dismiss(&self, id: u64) {
        self.shown.update(|shown| shown.retain(|t| t.id != id));
    }
}

/// Shows the action's message (from [`success_message`]) each time it
/// completes successfully.
pub fn toast_on_success<S>(action: ServerAction<S>)
where
    S: ServerFn + Clone + Send + Sync + 'static,
    S::Output: Clone + Send + Sync + 'static,
    S::Error: Clone + Send + Sync + 'static,
{
    let Some(message) = success_message(S::PATH) else {
        return;
    };
    // Only this line depends on the action's types: it is compiled once per
    // action, so it stays a borrow and a match (no clone of the result).
    let succeeded = Signal::derive(move || action.value().with(|v| matches!(v, Some(Ok(_)))));
    show_after_success(succeeded, message);
}

fn show_after_success(succeeded: Signal<bool>, message: &'static str) {
    let Some(toasts) = use_context::<Toasts>() else {
        return;
    };
    Effect::new(move |_| {
        if succeeded.get() {
            toasts.show(message);
        }
    });
}

/// The live region. Inside the router: it reads the `done` parameter.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let toasts = expect_context::<Toasts>();
    // Read while building, on the server and in the browser alike, so the
    // hydrated region starts with what the server rendered.
    let done = use_query_map().with_untracked(|q| q.get(DONE_PARAM));
    if let Some(message) = done.and_then(|path| success_message(&format!("/api/{path}"))) {
        toasts.show(message);
        // A reload should not confirm the action again.
        Effect::new(|_| forget_done_param());
    }
    view! {
        <div class="toasts" role="status" aria-live="polite" data-testid="toasts">
            <For each=move || toasts.shown.get() key=|t| t.id let:toast>
                <ToastItem id=toast.id message=toast.message/>
            </For>
        </div>
    }
}

#[component]
fn ToastItem(id: u64, message: &'static str) -> impl IntoView {
    let l = crate::i18n::use_locale();
    let toasts = expect_context::<Toasts>();
    // Held while the pointer or the focus is on it, so it can be read.
    let held = RwSignal::new(false);
    Effect::new(move |_| hide_later(toasts, id, held));
    view! {
        <div class="toast" data-testid="toast"
            on:mouseenter=move |_| held.set(true) on:mouseleave=move |_| held.set(false)
            on:focusin=move |_| held.set(true) on:focusout=move |_| held.set(false)
        >
            <p class="toast-message">{l.t(message)}</p>
            <button type="button" class="toast-close" aria-label=l.t("toast-dismiss") data-testid="toast-dismiss"
                on:click=move |_| toasts.dismiss(id)>"×"</button>
        </div>
    }
}

/// How long a toast stays up when nobody holds it.
#[cfg(feature = "hydrate")]
const SHOWN_FOR: std::time::Duration = std::time::Duration::from_secs(6);

#[cfg(feature = "hydrate")]
fn hide_later(toasts: Toasts, id: u64, held: RwSignal<bool>) {
    leptos::task::spawn_local(async move {
        loop {
            gloo_timers::future::sleep(SHOWN_FOR).await;
            if !held.try_get_untracked().unwrap_or(false) {
                toasts.dismiss(id);
                break;
            }
        }
    });
}

#[cfg(not(feature = "hydrate"))]
fn hide_later(_toasts: Toasts, _id: u64, _held: RwSignal<bool>) {}

/// Drops `done` from the address bar without a navigation.
#[cfg(feature = "hydrate")]
fn forget_done_param() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().delete(DONE_PARAM);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(
            &leptos::wasm_bindgen::JsValue::NULL,
            "",
            Some(&url.href()),
        );
    }
}

#[cfg(not(feature = "hydrate"))]
fn forget_done_param() {}

/// `location` with `done=<function>` added (and any earlier one replaced),
/// for the redirect that ends a successful plain form post.
pub fn with_done(location: &str, function_path: &str) -> Option<String> {
    success_message(function_path)?;
    let code = function_path.strip_prefix("/api/")?;
    let (rest, fragment) = match location.split_once('#') {
        Some((rest, fragment)) => (rest, Some(fragment)),
        None => (location, None),
    };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let mut pairs: Vec<String> = query
        .split('&')
        .filter(|p| !p.is_empty() && p.split('=').next() != Some(DONE_PARAM))
        .map(str::to_string)
        .collect();
    pairs.push(format!(
        "{DONE_PARAM}={}",
        crate::components::percent_encode(code)
    ));
    let mut out = format!("{path}?{}", pairs.join("&"));
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redirects_carry_the_finished_action() {
        assert_eq!(
            with_done("/org/details", "/api/org/details/update").as_deref(),
            Some("/org/details?done=org%2Fdetails%2Fupdate")
        );
        assert_eq!(
            with_done(
                "http://h/org/billing?archived=true&done=x#list",
                "/api/org/billing/create"
            )
            .as_deref(),
            Some("http://h/org/billing?archived=true&done=org%2Fbilling%2Fcreate#list")
        );
        assert_eq!(with_done("/", "/api/auth/me"), None);
    }

    #[test]
    fn every_message_is_a_sentence_in_every_language() {
        use crate::i18n::Locale;
        for path in ["/api/org/orders/create", "/api/admin/admins/invite"] {
            let key = success_message(path).expect("message");
            for locale in Locale::ALL {
                let message = locale.t(key);
                assert!(message.ends_with('.'), "{locale:?}: {message}");
            }
        }
        assert_eq!(Locale::Fi.t("toast-org-orders-create"), "Ostos tehty.");
        assert_eq!(success_message("/api/org/unknown"), None);
        assert_eq!(success_message("org/orders/create"), None);
    }
}

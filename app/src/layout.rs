//! The document shell, the header, the routes and the public home page.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Meta, MetaTags, Stylesheet, Title};
use leptos_router::components::{Redirect, Route, Router, Routes, A};
use leptos_router::{path, SsrMode};

use crate::accounts::{AdminsPage, OrganizationPage};
use crate::admin::{AuditPage, OrganizationsPage, OutboxPage};
use crate::applications::{ApplyPage, StatusPage};
use crate::attendees::{AttendeePersonalDataPage, AttendeesPage};
use crate::auth::{
    me, AuthRefresh, Identity, Role, SetPasswordPage, SignInCodePage, SignInPage, SignOut,
};
use crate::billing::BillingPage;
use crate::catalog::{
    AdminCatalogPage, AdminServiceEditPage, CatalogPage, OrdersPage, ServicePage,
};
use crate::courses::{
    AdminCourseApplicationPage, AdminCourseApplicationsPage, CourseApplicationPage,
    CourseApplicationsPage, NewCourseApplicationPage,
};
use crate::dashboard::{DashboardPage, UtilizationPage};
use crate::error::AppError;
use crate::expenses::ExpensesPage;
use crate::i18n::{provide_locale, use_locale, LanguageSwitcher};
use crate::org::OrgDetailsPage;
use crate::privacy::{PrivacyPage, TermsPage};
use crate::profile::{ForgotPasswordPage, ProfilePage, TwoStepPage};
use crate::reports::ReportsPage;
use crate::review::{ApplicationDetailPage, QueuePage};
use crate::support::{AdminSupportPage, ContactPage, SupportPage};
use crate::toast::{ToastRegion, Toasts};

/// The HTML document around the app, rendered on the server only.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    #[cfg(feature = "ssr")]
    content_security_policy();
    // A page answering a failed plain form post stays plain HTML (see
    // `form_post`); every other page hydrates.
    let hydrate = !crate::form_post::answering_failed_post();
    // Chosen here from the request and read back by the browser from
    // `<html lang>` (see `i18n`), so both render the same language.
    let locale = provide_locale();
    view! {
        <!DOCTYPE html>
        <html lang=locale.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <AutoReload options=options.clone()/>
                {hydrate.then(|| view! { <HydrationScripts options/> })}
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// A fresh nonce per page; only scripts carrying it may run, which is what
/// the hydration script needs and what injected markup cannot have.
#[cfg(feature = "ssr")]
fn content_security_policy() {
    use http::header::{HeaderValue, CONTENT_SECURITY_POLICY};
    provide_nonce();
    let (Some(nonce), Some(response)) =
        (use_nonce(), use_context::<leptos_axum::ResponseOptions>())
    else {
        return;
    };
    let policy = format!(
        "default-src 'self'; script-src 'self' 'nonce-{}' 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; \
         frame-ancestors 'none'; base-uri 'self'; form-action 'self'",
        &*nonce
    );
    if let Ok(value) = HeaderValue::from_str(&policy) {
        response.insert_header(CONTENT_SECURITY_POLICY, value);
    }
}

pub type MeResource = Resource<Result<Option<Identity>, AppError>>;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let l = provide_locale();
    let refresh = AuthRefresh(RwSignal::new(0));
    provide_context(refresh);
    let sign_out = ServerAction::<SignOut>::new();
    let who: MeResource = Resource::new(
        move || (refresh.0.get(), sign_out.version().get()),
        |_| me(),
    );
    provide_context(who);
    Toasts::provide();
    crate::when::Now::provide();

    view! {
        <Stylesheet id="leptos" href="/pkg/coursegate.css"/>
        <Link rel="icon" type_="image/svg+xml" href="/favicon.svg"/>
        <Meta name="description" content=l.t("meta-description")/>
        <Title text="Coursegate"/>
        <Router>
            <a class="skip-link" href="#main">{l.t("skip-link")}</a>
            <Header who sign_out/>
            <main id="main">
                // Every page renders completely on the server before it is sent
                // (no out-of-order streaming), so pages work without JavaScript
                // and arrive in one write.
                <Routes fallback=|| view! { <NotFound/> }>
                    <Route ssr=SsrMode::Async path=path!("") view=HomePage/>
                    <Route ssr=SsrMode::Async path=path!("/apply") view=ApplyPage/>
                    <Route ssr=SsrMode::Async path=path!("/status/:token") view=StatusPage/>
                    <Route ssr=SsrMode::Async path=path!("/sign-in") view=SignInPage/>
                    <Route ssr=SsrMode::Async path=path!("/sign-in/code") view=SignInCodePage/>
                    <Route ssr=SsrMode::Async path=path!("/set-password/:token") view=SetPasswordPage/>
                    <Route ssr=SsrMode::Async path=path!("/forgot-password") view=ForgotPasswordPage/>
                    <Route ssr=SsrMode::Async path=path!("/profile") view=|| view! { <Gate role=Role::SystemAdmin any_role=true><ProfilePage/></Gate> }/>
                    // Not inside a Gate: the page's resources made inside the Gate's
                    // Suspend body sometimes left the server render waiting for
                    // ever; the page's server functions refuse anyone but a system
                    // administrator, and the page shows that refusal.
                    <Route ssr=SsrMode::Async path=path!("/profile/two-step") view=TwoStepPage/>
                    <Route ssr=SsrMode::Async path=path!("/admin") view=|| view! { <Redirect path="/admin/applications"/> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/applications") view=|| view! { <Gate role=Role::SystemAdmin><QueuePage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/applications/:id") view=|| view! { <Gate role=Role::SystemAdmin><ApplicationDetailPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/organizations") view=|| view! { <Gate role=Role::SystemAdmin><OrganizationsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/organizations/:id") view=|| view! { <Gate role=Role::SystemAdmin><OrganizationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/admins") view=|| view! { <Gate role=Role::SystemAdmin><AdminsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/outbox") view=|| view! { <Gate role=Role::SystemAdmin><OutboxPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/reports") view=|| view! { <Gate role=Role::SystemAdmin><ReportsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/audit") view=|| view! { <Gate role=Role::SystemAdmin><AuditPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org") view=|| view! { <Gate role=Role::CustomerAdmin><DashboardPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/attendees") view=|| view! { <Gate role=Role::CustomerAdmin><AttendeesPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/attendees/:id") view=|| view! { <Gate role=Role::CustomerAdmin><AttendeePersonalDataPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/details") view=|| view! { <Gate role=Role::CustomerAdmin><OrgDetailsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/billing") view=|| view! { <Gate role=Role::CustomerAdmin><BillingPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/catalog") view=|| view! { <Gate role=Role::CustomerAdmin><CatalogPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/catalog/:id") view=|| view! { <Gate role=Role::CustomerAdmin><ServicePage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/orders") view=|| view! { <Gate role=Role::CustomerAdmin><OrdersPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/courses") view=|| view! { <Gate role=Role::CustomerAdmin><CourseApplicationsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/courses/new") view=|| view! { <Gate role=Role::CustomerAdmin><NewCourseApplicationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/courses/:id") view=|| view! { <Gate role=Role::CustomerAdmin><CourseApplicationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/courses") view=|| view! { <Gate role=Role::SystemAdmin><AdminCourseApplicationsPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/courses/:id") view=|| view! { <Gate role=Role::SystemAdmin><AdminCourseApplicationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/expenses") view=|| view! { <Gate role=Role::CustomerAdmin><ExpensesPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/org/utilization") view=|| view! { <Gate role=Role::CustomerAdmin><UtilizationPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/catalog") view=|| view! { <Gate role=Role::SystemAdmin><AdminCatalogPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/catalog/:id") view=|| view! { <Gate role=Role::SystemAdmin><AdminServiceEditPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/support") view=|| view! { <Gate role=Role::CustomerAdmin><SupportPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/admin/support") view=|| view! { <Gate role=Role::SystemAdmin><AdminSupportPage/></Gate> }/>
                    <Route ssr=SsrMode::Async path=path!("/contact") view=ContactPage/>
                    <Route ssr=SsrMode::Async path=path!("/privacy") view=PrivacyPage/>
                    <Route ssr=SsrMode::Async path=path!("/terms") view=TermsPage/>
                </Routes>
            </main>
            <ToastRegion/>
            <footer class="site-footer">
                <span>{l.t("footer-tagline")}</span>
                <nav class="footer-links" aria-label=l.t("footer-about")>
                    <A href="/privacy" attr:data-testid="footer-privacy">{l.t("footer-privacy")}</A>
                    <A href="/terms" attr:data-testid="footer-terms">{l.t("footer-terms")}</A>
                    <A href="/contact">{l.t("footer-contact")}</A>
                </nav>
            </footer>
        </Router>
    }
}

#[component]
fn Header(who: MeResource, sign_out: ServerAction<SignOut>) -> impl IntoView {
    let l = use_locale();
    let links = move || {
        let me = who.get().and_then(Result::ok).flatten();
        match me {
            Some(me) => {
                let nav = match me.role {
                    Role::SystemAdmin => view! {
                        <A href="/admin/applications">{l.t("nav-applications")}</A>
                        <A href="/admin/organizations">{l.t("nav-organizations")}</A>
                        <A href="/admin/catalog">{l.t("nav-catalog")}</A>
                        <A href="/admin/courses">{l.t("nav-course-applications")}</A>
                        <A href="/admin/reports">{l.t("nav-reports")}</A>
                        <A href="/admin/outbox">{l.t("nav-outbox")}</A>
                        <A href="/admin/audit">{l.t("nav-audit")}</A>
                        <A href="/admin/support">{l.t("nav-support")}</A>
                        <A href="/admin/admins">{l.t("nav-administrators")}</A>
                    }
                    .into_any(),
                    Role::CustomerAdmin => view! {
                        <A href="/org" exact=true>{l.t("nav-dashboard")}</A>
                        <A href="/org/catalog">{l.t("nav-catalog")}</A>
                        <A href="/org/orders">{l.t("nav-orders")}</A>
                        <A href="/org/courses">{l.t("nav-courses")}</A>
                        <A href="/org/expenses">{l.t("nav-expenses")}</A>
                        <A href="/org/utilization">{l.t("nav-utilization")}</A>
                        <A href="/org/attendees">{l.t("nav-attendees")}</A>
                        <A href="/org/billing">{l.t("nav-billing")}</A>
                        <A href="/support">{l.t("nav-support")}</A>
                    }
                    .into_any(),
                };
                view! {
                    <nav class="nav" aria-label=l.t("nav-main")>{nav}</nav>
                    <div class="who">
                        <span class="who-email" data-testid="who">{me.email.clone()}</span>
                        <A href="/profile" attr:class="button small" attr:data-testid="profile-link">{l.t("nav-profile")}</A>
                        <ActionForm action=sign_out attr:class="inline">
                            <button type="submit" class="button small" data-testid="sign-out">{l.t("nav-sign-out")}</button>
                        </ActionForm>
                    </div>
                }
                .into_any()
            }
            None => view! {
                <nav class="nav" aria-label=l.t("nav-main")>
                    <A href="/apply">{l.t("nav-apply")}</A>
                </nav>
                <div class="who"><A href="/sign-in" attr:class="button small">{l.t("nav-sign-in")}</A></div>
            }
            .into_any(),
        }
    };
    view! {
        <header class="site-header">
            <A href="/" attr:class="brand">
                <span class="brand-mark" aria-hidden="true">"C"</span>
                <span class="brand-name">"Coursegate"</span>
            </A>
            <Transition fallback=|| ()>{links}</Transition>
            <LanguageSwitcher/>
        </header>
    }
}

/// Shows its children only to the given role; anyone else gets a clear
/// message (with `any_role`, every signed-in person passes). The server
/// functions behind the pages check again.
///
/// The page is built exactly once, and in the same place on both sides,
/// because its resources are matched to the server's data by the order in
/// which they are made. On the server the person is known before rendering
/// starts (`auth::known_identity`); in the browser the signed-in person's
/// resource already holds the server's answer when hydration starts. An
/// earlier gate awaited the person inside a `Suspense`, which on the server
/// built the page once per re-render (up to three times, each fetching its
/// data), and the browser matched its single page to the first, discarded
/// build's data; the course application page then failed to hydrate.
#[component]
fn Gate(role: Role, #[prop(optional)] any_role: bool, children: ChildrenFn) -> impl IntoView {
    let l = use_locale();
    let who = expect_context::<MeResource>();
    #[cfg(feature = "ssr")]
    let known = crate::auth::known_identity();
    #[cfg(not(feature = "ssr"))]
    let known: Option<Option<crate::auth::Identity>> = None;
    let children = StoredValue::new(children);
    move || {
        let decided = match &known {
            Some(me) => Some(Ok(me.clone())),
            None => who.get(),
        };
        match decided {
            None => view! { <p class="page muted">{l.t("loading")}</p> }.into_any(),
            // Built untracked: what the page reads while being built must
            // not re-run this closure and build it again.
            Some(Ok(Some(me))) if any_role || me.role == role => untrack(|| children.with_value(|c| c())).into_any(),
            Some(Ok(Some(_))) => view! {
                <section class="page narrow">
                    <h1>{l.t("gate-not-available")}</h1>
                    <p data-testid="forbidden">{l.t("gate-other-role")}</p>
                </section>
            }.into_any(),
            Some(Ok(None)) => view! {
                <section class="page narrow">
                    <h1>{l.t("gate-sign-in-title")}</h1>
                    <p>{l.t("gate-sign-in-body")}</p>
                    <a class="button primary" href="/sign-in" data-testid="gate-sign-in">{l.t("nav-sign-in")}</a>
                </section>
            }.into_any(),
            Some(Err(e)) => view! {
                <section class="page narrow error-page">
                    <h1>{l.t("error-title")}</h1>
                    <div class="banner banner-error" role="alert">{e.to_string()}</div>
                    <div class="error-actions">
                        <a class="button" href="/">{l.t("error-front-page")}</a>
                    </div>
                </section>
            }.into_any(),
        }
    }
}

#[component]
fn HomePage() -> impl IntoView {
    let l = use_locale();
    view! {
        <section class="hero">
            <div class="hero-text">
                <h1>{l.t("home-title")}</h1>
                <p class="lead">
                    {l.t("home-lead")}
                </p>
                <div class="hero-actions">
                    <A href="/apply" attr:class="button primary large" attr:data-testid="cta-apply">{l.t("home-cta-apply")}</A>
                    <A href="/sign-in" attr:class="button large">{l.t("nav-sign-in")}</A>
                </div>
                <p class="muted">{l.t("home-question")} " " <A href="/contact" attr:data-testid="home-contact">{l.t("home-contact")}</A> "."</p>
            </div>
            <ol class="steps" aria-label=l.t("home-steps")>
                <li><strong>{l.t("home-step-apply")}</strong><span>{l.t("home-step-apply-text")}</span></li>
                <li><strong>{l.t("home-step-review")}</strong><span>{l.t("home-step-review-text")}</span></li>
                <li><strong>{l.t("home-step-start")}</strong><span>{l.t("home-step-start-text")}</span></li>
            </ol>
        </section>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    let l = use_locale();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    view! {
        <section class="page narrow error-page" data-testid="not-found">
            <Title text=l.t("not-found-title")/>
            <p class="error-code" aria-hidden="true">"404"</p>
            <h1>{l.t("not-found-heading")}</h1>
            <p class="lead">{l.t("not-found-lead")}</p>
            <div class="error-actions">
                <A href="/" attr:class="button primary">{l.t("error-front-page")}</A>
                <A href="/contact" attr:class="button">{l.t("home-contact")}</A>
            </div>
        </section>
    }
}

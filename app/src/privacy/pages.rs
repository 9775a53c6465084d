//! `/privacy` and `/terms`: public pages, linked from the application form
//! and the footer. The privacy notice quotes the retention period and link
//! lifetimes from the running configuration, so it cannot drift from them.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::components::A;

use super::{privacy_facts, NoticeFacts, TERMS_VERSION};

#[component]
pub fn PrivacyPage() -> impl IntoView {
    let facts = Resource::new(|| (), |_| privacy_facts());
    view! {
        <Title text="Privacy notice — Coursegate"/>
        <section class="page narrow" data-testid="privacy-page">
            <p class="eyebrow">{format!("Version {TERMS_VERSION}")}</p>
            <h1>"Privacy notice"</h1>
            <p class="lead">
                "What personal data Coursegate keeps, why, for how long, who can see it, and how to get a copy or have it erased."
            </p>
            <Suspense fallback=|| view! { <p class="muted">"Loading…"</p> }>
                {move || Suspend::new(async move {
                    match facts.await {
                        Ok(facts) => view! { <PrivacyBody facts/> }.into_any(),
                        Err(e) => view! { <div class="banner banner-error" role="alert" data-testid="error-banner">{e.to_string()}</div> }.into_any(),
                    }
                })}
            </Suspense>
        </section>
    }
}

fn days(n: i64) -> String {
    if n == 1 {
        "1 day".into()
    } else {
        format!("{n} days")
    }
}

#[component]
fn PrivacyBody(facts: NoticeFacts) -> impl IntoView {
    let retention = days(facts.retention_days);
    view! {
        <div class="prose">
            <h2>"Who is responsible"</h2>
            <p>
                "The operator of this Coursegate service decides what the personal data below is used for. Questions and requests go to the operator through the "
                <A href="/contact">"contact form"</A>
                "; a signed-in Customer admin can also use Support."
            </p>

            <h2>"What we keep, and why"</h2>
            <dl class="facts" data-testid="privacy-data">
                <dt>"Applications"</dt>
                <dd>"The organization's details and its contact person's name, email and phone, the intended use, the reviewer's questions and the applicant's answers, and which version of these terms was accepted and when. We use them to review the application and, if it is approved, to set up the customer account."</dd>
                <dt>"Customer admins"</dt>
                <dd>"Email address, a one-way hash of the password (never the password itself), sign-in sessions, and the organization's contact details. We use them to let the admin sign in and to reach the organization."</dd>
                <dt>"Attendees"</dt>
                <dd>"Name, email and job title as the organization's Customer admin entered them, the course applications that name the person, and whether they attended. We use them to run the courses the organization buys."</dd>
                <dt>"Billing and orders"</dt>
                <dd>"Billing accounts, orders, course fees and refunds, kept as accounting records."</dd>
                <dt>"Support"</dt>
                <dd>"Messages sent through Support or the contact form, with the sender's name and email, to answer them."</dd>
                <dt>"Mail and audit trail"</dt>
                <dd>"A copy of every email the platform sends, and a record of who decided or changed what and when, so that staff can check what happened."</dd>
                <dt>"Cookies"</dt>
                <dd>"One session cookie, set when someone signs in and needed for that. No analytics or advertising cookies."</dd>
            </dl>

            <h2>"How long we keep it"</h2>
            <ul>
                <li data-testid="privacy-retention">
                    {format!("Rejected and withdrawn applications: {retention} after the decision or the withdrawal, the contact details, organization details, messages, the emails sent about the application and its private status link are deleted. What remains is the status, dates, country, organization type and size, for statistics.")}
                </li>
                <li>"Approved applications and customer accounts: as long as the organization is a customer."</li>
                <li>"Attendees: until the Customer admin changes, deletes or erases them."</li>
                <li>"Accounting records (orders, fees, refunds): as long as bookkeeping law requires; when an attendee is erased, these records stay but no longer name the person."</li>
                <li>"Support threads, contact-form messages, copies of other sent mail and the audit trail: there is no automatic time limit on these yet. Ask us through the contact form to remove what concerns you."</li>
                <li>{format!("Invitation links to set a password stop working after {} hours, password-reset links after one hour, and both after their first use. A signed-in session ends after {} minutes without use ({} for the operator's staff), and after {} hours in any case.", facts.invitation_ttl_hours, facts.session_idle_minutes, facts.session_admin_idle_minutes, facts.session_absolute_hours)}</li>
            </ul>

            <h2>"Who can see it"</h2>
            <ul>
                <li>"The operator's system administrators, to review applications, run courses and answer support."</li>
                <li>"An organization's Customer admin sees that organization's own data only, never another organization's."</li>
                <li>"An applicant sees their own application through the private status link."</li>
                <li>"Email passes through the operator's mail provider on its way to the recipient. We do not sell personal data or share it for advertising."</li>
            </ul>

            <h2>"Your rights: a copy, a correction, erasure"</h2>
            <ul>
                <li>"Attendees: ask your organization's Customer admin. On the Attendees page they can download everything we hold about you as a JSON file, correct it, or erase it."</li>
                <li>"Applicants: you can withdraw through your private status link at any time before a decision; the data is then deleted as described above. For a copy or an earlier erasure, use the contact form."</li>
                <li>"Customer admins and anyone else: write to us through Support or the contact form. We answer within one month."</li>
            </ul>
            <p class="muted">
                "Using Coursegate also means accepting the "
                <A href="/terms">"terms of service"</A>
                "."
            </p>
        </div>
    }
}

#[component]
pub fn TermsPage() -> impl IntoView {
    view! {
        <Title text="Terms of service — Coursegate"/>
        <section class="page narrow" data-testid="terms-page">
            <p class="eyebrow" data-testid="terms-version">{format!("Version {TERMS_VERSION}")}</p>
            <h1>"Terms of service"</h1>
            <p class="lead">"The rules between the operator of Coursegate and the organizations that apply and buy through it."</p>
            <div class="prose">
                <h2>"Applying"</h2>
                <p>"The person who applies must be allowed to act for the organization and must give correct details. The operator reviews every application and may ask questions or decline it, with a reason. Until a decision the applicant can withdraw."</p>
                <h2>"The customer account"</h2>
                <p>"An approved organization has one Customer admin, who acts for it and keeps the password to themselves. The operator may hand the role to another person on the organization's request, and may suspend an organization that breaks these terms or does not pay; the Customer admin is told why."</p>
                <h2>"Purchases and course applications"</h2>
                <p>"Orders and course fees are charged to the billing account chosen at the time, at the listed price and VAT. An order or an application can be cancelled with a refund until the service's cancellation deadline (or its start when there is none); a course fee is kept after that. Accepted places are confirmed by the operator."</p>
                <h2>"Attendees' data"</h2>
                <p>
                    "The organization enters its attendees and must be allowed to share their details with the operator for running the courses, and must tell them how the data is used; the "
                    <A href="/privacy">"privacy notice"</A>
                    " can be shared with them. The Customer admin can export or erase an attendee's data at any time."
                </p>
                <h2>"Fair use"</h2>
                <p>"Do not try to reach other organizations' data, overload the service, or send unlawful content through it."</p>
                <h2>"Changes"</h2>
                <p>"A new version of these terms gets a new date, shown at the top and next to the application form's consent box. Each application records the version its applicant accepted."</p>
            </div>
        </section>
    }
}

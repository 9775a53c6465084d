# English: the default language. Every key here must exist in every other
# .ftl file (the i18n unit tests check). Arguments look like { $name }.

## Shell: header, footer, navigation
skip-link = Skip to content
meta-description = Coursegate: education services for organizations.
nav-main = Main
nav-language = Language
nav-apply = Apply
nav-sign-in = Sign in
nav-profile = Profile
nav-sign-out = Sign out
nav-dashboard = Dashboard
nav-applications = Applications
nav-organizations = Organizations
nav-catalog = Catalog
nav-course-applications = Course applications
nav-reports = Reports
nav-outbox = Outbox
nav-audit = Audit trail
nav-support = Support
nav-administrators = Administrators
nav-orders = Orders
nav-courses = Courses
nav-expenses = Expenses
nav-utilization = Utilization
nav-attendees = Attendees
nav-billing = Billing accounts
footer-tagline = Coursegate — education services for organizations
footer-about = About this site
footer-privacy = Privacy notice
footer-terms = Terms of service
footer-contact = Contact
loading = Loading…
gate-not-available = Not available
gate-other-role = This page belongs to another role. Sign out and sign in with the right account.
gate-sign-in-title = Please sign in
gate-sign-in-body = You need to sign in to see this page.
error-title = Something went wrong
error-front-page = Go to the front page

## Home page
home-title = Courses, training and coaching for your whole organization
home-lead = Coursegate is where organizations buy education services from us: apply once, and after our review your organization gets its own dashboard for purchases, course applications, attendees and billing.
home-cta-apply = Apply for a customer account
home-question = A question about applying?
home-contact = Contact us
home-steps = How it works
home-step-apply = Apply
home-step-apply-text = Tell us who you are and what you need. It takes five minutes.
home-step-review = We review
home-step-review-text = Follow the review through your private link and answer any questions.
home-step-start = Get started
home-step-start-text = Once approved, your Customer admin sets a password and signs in.

## 404
not-found-title = Not found — Coursegate
not-found-heading = Page not found
not-found-lead = There is nothing at this address. The link may be mistyped, or the page may have moved.

## Forms
form-optional = (optional)
form-choose = Choose…
error-summary-title = Please correct the following

## Application form
apply-title = Apply — Coursegate
apply-heading = Apply to become a customer
apply-lead = Tell us about your organization. Our staff review every application; you will get a private link to follow it and answer any questions.
apply-legend-organization = Organization
apply-legend-address = Address
apply-legend-contact = Contact person
apply-legend-plans = Your plans
apply-hint-registration = As in the trade register, e.g. 1234567-8
apply-hint-email = Becomes the sign-in name if approved
apply-hint-phone = International format, e.g. +358 40 123 4567
apply-hint-website = https://…
apply-hint-intended-use = Which courses or services, for how many people, roughly when
apply-accept-terms = I accept the terms of service and the processing of these details for reviewing the application, as the privacy notice describes.
apply-terms-read = Read the
apply-terms-link = terms of service (version { $version })
apply-terms-and = and the
apply-privacy-link = privacy notice
apply-terms-new-tab = . Both open in a new tab, so what you typed here stays.
apply-accept-terms-required = Please accept the terms to apply.
apply-submit = Send application
apply-sending = Sending…

field-legal_name = Legal name
field-registration_id = Registration / business ID
field-country = Country
field-street_address = Street address
field-postal_code = Postal code
field-city = City
field-website = Website
field-contact_name = Contact person
field-contact_email = Contact email
field-phone = Phone
field-org_type = Organization type
field-org_size = Organization size
field-intended_use = Intended use

org-type-company = Company
org-type-public_sector = Public sector
org-type-nonprofit = Non-profit
org-type-education = Educational institution
org-type-other = Other
org-size-1-9 = 1–9 people
org-size-10-49 = 10–49 people
org-size-50-249 = 50–249 people
org-size-250-999 = 250–999 people
org-size-1000 = 1,000 or more people

## Validation messages the applicant sees
validate-required = { $label } is required.
validate-min = { $label } must be at least { $min } characters.
validate-max = { $label } must be at most { $max } characters.
validate-chars = { $label } contains characters that are not allowed.
validate-letters-or-digits = { $label } must contain letters or digits.
validate-letters = { $label } must contain letters.
validate-choose = Choose an { $label } from the list.
validate-email = Enter an email address such as name@example.com.
validate-registration-chars = Registration ID may contain only letters, digits, spaces and - / .
validate-postal-chars = Postal code may contain only letters, digits, spaces and hyphens.
validate-phone-chars = Phone may contain only digits, spaces, + - ( ) and dots.
validate-phone-digits = Phone must have between 6 and 15 digits.
validate-country = Choose a country from the list.
validate-website-scheme = Website must start with https:// or http://
validate-website-domain = Website must include a domain, such as https://example.com.

## Status page
status-title = Application status — Coursegate
status-heading = Application status
status-eyebrow = Application
status-submitted = Submitted { $when }
status-private-link = Bookmark this page: its address is your private link. Anyone who has it can see and change this application. We also emailed it to you.
status-rejected-heading = The application was not approved
status-approved-heading = Welcome aboard
status-approved-text = Your customer account has been created. We emailed the contact person a link to set a password and sign in.
status-info-heading = The reviewer asks for more information
status-your-answer = Your answer
status-send-answer = Send answer
status-timeline = Timeline
status-withdraw-heading = Withdraw the application
status-withdraw-text = Withdrawing is final. You can apply again later.
status-withdraw-confirm = Yes, withdraw this application
status-withdraw = Withdraw
state-submitted = Submitted
state-in_review = In review
state-info_requested = Information requested
state-resubmitted = Resubmitted
state-approved = Approved
state-rejected = Rejected
state-withdrawn = Withdrawn
event-submitted = Application submitted
event-claimed = Review started
event-info_requested = Information requested
event-resubmitted = Answer sent
event-approved = Approved — account created
event-rejected = Rejected
event-withdrawn = Withdrawn by the applicant
event-updated = Updated

## Mails to applicants
mail-received-subject = We received your application to Coursegate
mail-received-body =
    Hello { $name },

    Thank you for applying on behalf of { $org }. Our staff will review the application.

    Follow its status, answer questions from the reviewer or withdraw it here:
    { $link }

    Keep this link private: anyone who has it can see and change the application.

    — Coursegate
mail-answer-subject = Your answer reached Coursegate
mail-answer-body =
    Hello { $name },

    Thank you: your answer about { $org } is with the reviewer now. Use the private link from our first email to follow the application.

    — Coursegate
mail-withdrawn-subject = Your Coursegate application was withdrawn
mail-withdrawn-body =
    Hello { $name },

    The application for { $org } has been withdrawn as you asked. You are welcome to apply again at any time.

    — Coursegate
mail-notify-body =
    Hello { $name },

    { $text }

    The private link from our first email shows the application's full history.

    — Coursegate
mail-in-review-subject = Your Coursegate application is in review
mail-in-review-text = A reviewer has started on the application for { $org }.
mail-info-subject = The Coursegate reviewer has a question
mail-info-text =
    The reviewer of the application for { $org } asks:

    { $message }

    You can update these fields: { $fields }.
    Open the private link from our first email to answer.
mail-rejected-subject = Your Coursegate application was not approved
mail-rejected-text =
    We are sorry: the application for { $org } was not approved.

    The reviewer's reason:
    { $reason }
mail-approved-subject = Your Coursegate application was approved
mail-approved-text = Good news: the application for { $org } was approved. The Customer admin ({ $email }) received a link to set a password.
mail-invitation-subject = Your Coursegate account is ready
mail-invitation-body =
    Hello,

    { $org } is now a Coursegate customer, and you are its Customer admin.

    Your sign-in name: { $email }

    Set your password with this one-time link (valid until { $until }):
    { $link }

    We never send passwords by email. If the link has expired, ask us for a new one.

    — Coursegate

## Sign-in, password and contact pages
sign-in-title = Sign in — Coursegate
sign-in-password-set = Your password is set. Sign in with your email and the new password.
label-email = Email
label-password = Password
set-password-title = Set your password — Coursegate
set-password-heading = Set your password
set-password-checking = Checking the link…
set-password-signing-in-as = Signing in as
set-password-link-works = This link works once, until { $until }.
set-password-new = New password
set-password-hint = At least 8 characters, not one of the most common passwords. A few unrelated words make a strong one.
set-password-repeat = Repeat the password
set-password-submit = Set password
forgot-page-title = Forgot your password — Coursegate
forgot-title = Forgot your password?
forgot-sent = If an account uses that email, a link to choose a new password is on its way. It works once, for an hour.
forgot-lead = Enter the email you sign in with and we'll mail you a link to choose a new password.
forgot-submit = Mail me a link
forgot-back = Back to sign in
contact-title = Contact us — Coursegate
contact-lead = A question about applying? Write to us; we answer by email. No account needed.
contact-name = Your name
contact-message = Message
contact-send = Send
contact-sent = Thank you. We will answer to the email address you gave.

## Privacy notice and terms
privacy-title = Privacy notice — Coursegate
privacy-heading = Privacy notice
privacy-lead = What personal data Coursegate keeps, why, for how long, who can see it, and how to get a copy or have it erased.
privacy-who-heading = Who is responsible
privacy-who-text = { "The operator of this Coursegate service decides what the personal data below is used for. Questions and requests go to the operator through the " }
privacy-contact-form = contact form
privacy-who-support = { "; a signed-in Customer admin can also use Support." }
privacy-what-heading = What we keep, and why
privacy-applications = Applications
privacy-applications-text = The organization's details and its contact person's name, email and phone, the intended use, the reviewer's questions and the applicant's answers, and which version of these terms was accepted and when. We use them to review the application and, if it is approved, to set up the customer account.
privacy-admins = Customer admins
privacy-admins-text = Email address, a one-way hash of the password (never the password itself), sign-in sessions, and the organization's contact details. We use them to let the admin sign in and to reach the organization.
privacy-attendees = Attendees
privacy-attendees-text = Name, email and job title as the organization's Customer admin entered them, the course applications that name the person, and whether they attended. We use them to run the courses the organization buys.
privacy-billing = Billing and orders
privacy-billing-text = Billing accounts, orders, course fees and refunds, kept as accounting records.
privacy-support = Support
privacy-support-text = Messages sent through Support or the contact form, with the sender's name and email, to answer them.
privacy-mail = Mail and audit trail
privacy-mail-text = A copy of every email the platform sends, and a record of who decided or changed what and when, so that staff can check what happened.
privacy-cookies = Cookies
privacy-cookies-text = One session cookie, set when someone signs in and needed for that, and a language cookie if you choose a language yourself. No analytics or advertising cookies.
privacy-how-long-heading = How long we keep it
privacy-approved = Approved applications and customer accounts: as long as the organization is a customer.
privacy-attendees-kept = Attendees: until the Customer admin changes, deletes or erases them.
privacy-accounting = Accounting records (orders, fees, refunds): as long as bookkeeping law requires; when an attendee is erased, these records stay but no longer name the person.
privacy-no-limit = Support threads, contact-form messages, copies of other sent mail and the audit trail: there is no automatic time limit on these yet. Ask us through the contact form to remove what concerns you.
privacy-who-sees-heading = Who can see it
privacy-sees-operator = The operator's system administrators, to review applications, run courses and answer support.
privacy-sees-admin = An organization's Customer admin sees that organization's own data only, never another organization's.
privacy-sees-applicant = An applicant sees their own application through the private status link.
privacy-sees-mail = Email passes through the operator's mail provider on its way to the recipient. We do not sell personal data or share it for advertising.
privacy-rights-heading = Your rights: a copy, a correction, erasure
privacy-rights-attendees = Attendees: ask your organization's Customer admin. On the Attendees page they can download everything we hold about you as a JSON file, correct it, or erase it.
privacy-rights-applicants = Applicants: you can withdraw through your private status link at any time before a decision; the data is then deleted as described above. For a copy or an earlier erasure, use the contact form.
privacy-rights-others = Customer admins and anyone else: write to us through Support or the contact form. We answer within one month.
privacy-accepting = { "Using Coursegate also means accepting the " }
privacy-terms-link = terms of service
terms-title = Terms of service — Coursegate
terms-heading = Terms of service
terms-lead = The rules between the operator of Coursegate and the organizations that apply and buy through it.
terms-applying = Applying
terms-applying-text = The person who applies must be allowed to act for the organization and must give correct details. The operator reviews every application and may ask questions or decline it, with a reason. Until a decision the applicant can withdraw.
terms-account = The customer account
terms-account-text = An approved organization has one Customer admin, who acts for it and keeps the password to themselves. The operator may hand the role to another person on the organization's request, and may suspend an organization that breaks these terms or does not pay; the Customer admin is told why.
terms-purchases = Purchases and course applications
terms-purchases-text = Orders and course fees are charged to the billing account chosen at the time, at the listed price and VAT. An order or an application can be cancelled with a refund until the service's cancellation deadline (or its start when there is none); a course fee is kept after that. Accepted places are confirmed by the operator.
terms-attendees = Attendees' data
terms-attendees-text = { "The organization enters its attendees and must be allowed to share their details with the operator for running the courses, and must tell them how the data is used; the " }
terms-privacy-link = privacy notice
terms-attendees-share = { " can be shared with them. The Customer admin can export or erase an attendee's data at any time." }
terms-fair-use = Fair use
terms-fair-use-text = Do not try to reach other organizations' data, overload the service, or send unlawful content through it.
terms-changes = Changes
terms-changes-text = A new version of these terms gets a new date, shown at the top and next to the application form's consent box. Each application records the version its applicant accepted.
privacy-version = Version { $version }
privacy-retention = Rejected and withdrawn applications: { $retention } after the decision or the withdrawal, the contact details, organization details, messages, the emails sent about the application and its private status link are deleted. What remains is the status, dates, country, organization type and size, for statistics.
privacy-links = Invitation links to set a password stop working after { $invitation } hours, password-reset links after one hour, and both after their first use. A signed-in session ends after { $idle } minutes without use ({ $admin_idle } for the operator's staff), and after { $absolute } hours in any case.
privacy-days = { $n ->
    [one] 1 day
   *[other] { $n } days
}

sign-in-code-title = Enter your code — Coursegate
sign-in-code-heading = Two-step sign-in
sign-in-code-lead = Enter the 6-digit code your authenticator app shows for Coursegate. Lost the phone? Enter one of your recovery codes instead; each works once.
sign-in-code-label = Code
sign-in-code-again = Start again

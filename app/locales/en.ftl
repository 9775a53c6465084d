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

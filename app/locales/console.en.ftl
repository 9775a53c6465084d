# The operator console: the review queue, application details, customer
# organizations, catalog and course administration, support and reports.

## Shared by the console's pages
user-status-active = Active
user-status-invited = Invited
user-status-deactivated = Deactivated

## Review queue
queue-title = Applications — Coursegate admin
queue-heading = Applications
queue-all = All
queue-search-placeholder = Name, registration ID or email
queue-search-label = Search applications
queue-search = Search
queue-filter-label = Filter by status
queue-empty = No applications match.
queue-col-organization = Organization
queue-col-country = Country
queue-col-registration = Registration ID
queue-col-contact = Contact
queue-col-status = Status
queue-col-submitted = Submitted
queue-col-reviewer = Reviewer
queue-duplicate = Possible duplicate
queue-pages = Pages
queue-first-page = ← First page
queue-next-page = Next page →
queue-error-cursor = The page cursor is malformed.
queue-error-status = Unknown status "{ $status }".
queue-error-search-long = Search for at most { $max } characters.

## One application in the review console
review-title = Application — Coursegate admin
review-back = ← Applications
review-eyebrow = Application
review-purged-name = Personal data removed
review-submitted = Submitted { $when }
review-reviewer = Reviewer: { $who }
review-take-over = Take over the claim from { $who }
review-claim = Claim for review
review-claimed-by = Claimed by
review-waiting = Waiting for the applicant
review-editable-fields = Editable fields: { $fields }
review-account = Customer account
review-account-admin = Customer admin
review-account-state = State
review-account-invited = Invited — no password set yet
review-link-valid = Link valid until
review-resend = Send a new invitation link
review-details = Details
review-purged = Personal data removed by the retention purge on { $when }. The status and dates stay for the reports.
review-terms = Terms accepted
review-terms-version = Version { $version }, { $when }
review-terms-unknown = Not recorded (sent before terms versions were kept)
review-timeline = Timeline
review-decide = Decide
review-approve-heading = Approve and create the account
review-approve-email = Customer admin's email
review-approve-email-hint = Leave empty to use { $email }.
review-approve = Approve
review-request-heading = Ask the applicant for information
review-request-fields = Fields the applicant may change
review-request-message = Message to the applicant
review-request-send = Send the request
review-reject = Reject
review-reject-reason = Reason (the applicant sees it)
review-label-message = Message
review-label-reason = Reason
review-duplicate-registration = Same registration ID in the same country
review-duplicate-name = Same organization name
review-duplicate-email = Same contact email as another pending application
review-duplicate-user = Contact email already belongs to a user
review-duplicate-organization = An existing customer organization has the same name
review-duplicate-role-admin = a system administrator
review-duplicate-role-customer = a Customer admin
review-error-not-found = No application has that id.
review-error-no-user = No user has that id.
review-error-already-submitted = This application is already submitted.
review-error-already-in_review = This application is already in review.
review-error-already-info_requested = This application is already waiting for information.
review-error-already-resubmitted = This application is already resubmitted.
review-error-already-approved = This application is already approved.
review-error-already-rejected = This application is already rejected.
review-error-already-withdrawn = This application is already withdrawn.
review-error-claimed-other = { $who } has claimed this application. Take over the claim before deciding.
review-error-claim-first = Claim the application before deciding.
review-error-waiting-applicant = The application is waiting for the applicant's answer.
review-error-already-claimed = { $who } has already claimed this application. Take over the claim to continue.
review-error-already-claimed-someone = Another administrator has already claimed this application. Take over the claim to continue.
review-error-no-fields = Choose at least one field the applicant should correct or complete.
review-error-unknown-field = "{ $field }" is not a field of the application.
review-error-email-taken = A user with the email { $email } already exists. Enter another email for the Customer admin.
review-error-not-invited = This person has already set a password or was deactivated; there is no invitation to send.
review-mail-resend-subject = Your new Coursegate sign-in link
review-mail-resend-body =
    Hello,

    Here is a new one-time link to set your Coursegate password. Earlier links no longer work.

    Your sign-in name: { $email }

    { $link }

    The link is valid until { $until }.

    — Coursegate

## Account administration: errors and mails
accounts-error-no-organization = No customer organization has that id.
accounts-error-no-admin = No system administrator has that id.
accounts-error-reason-required = Give the reason for the suspension; the Customer admin receives it.
accounts-error-reason-long = The reason must be at most { $max } characters.
accounts-error-already-suspended = This organization is already suspended.
accounts-error-already-active = This organization is active.
accounts-error-email-deactivated = The email { $email } already belongs to a deactivated account; one address can have only one account. Enter another email.
accounts-error-email-admin = The email { $email } already belongs to a system administrator; one address can have only one account. Enter another email.
accounts-error-email-customer = The email { $email } already belongs to a Customer admin; one address can have only one account. Enter another email.
accounts-error-handover-pending = A handover to { $email } is already pending. Cancel it before inviting someone else.
accounts-error-no-handover = No handover is pending for this organization.
accounts-error-invitation-gone = This invitation was withdrawn or replaced. Ask a system administrator for a new one.
accounts-error-deactivate-self = You cannot deactivate your own account. Ask another system administrator.
accounts-error-already-deactivated = This administrator is already deactivated.
accounts-error-last-admin = At least one active system administrator must remain.
accounts-error-not-deactivated = This administrator is not deactivated.
accounts-mail-suspended-subject = Your organization's Coursegate account is suspended
accounts-mail-suspended-body =
    Hello,

    The Coursegate account of { $org } has been suspended, and nobody in the organization can sign in until it is reactivated.

    Reason:
    { $reason }

    If you have questions, reply through our contact form at { $link }.

    — Coursegate
accounts-mail-reactivated-subject = Your organization's Coursegate account is active again
accounts-mail-reactivated-body =
    Hello,

    The Coursegate account of { $org } is active again. You can sign in at { $link }.

    — Coursegate
accounts-mail-handover-subject = You are invited to be { $org }'s Customer admin on Coursegate
accounts-mail-handover-body =
    Hello,

    You are invited to become the Customer admin of { $org } on Coursegate, the person who manages the organization's purchases, attendees and billing.

    Your sign-in name: { $email }

    Set your password with this one-time link (valid until { $until }):
    { $link }

    When you do, you take over from the current Customer admin, whose access ends.

    — Coursegate
accounts-mail-handover-withdrawn-subject = Your Coursegate invitation was withdrawn
accounts-mail-handover-withdrawn-body =
    Hello,

    The invitation to become the Customer admin of { $org } on Coursegate was withdrawn; the link in it no longer works.

    — Coursegate
accounts-mail-handed-over-subject = You are no longer { $org }'s Customer admin
accounts-mail-handed-over-body =
    Hello,

    { $email } has taken over as the Customer admin of { $org } on Coursegate, as a system administrator arranged. Your account is closed and you have been signed out.

    — Coursegate
accounts-mail-admin-invite-subject = You are invited to administer Coursegate
accounts-mail-admin-invite-body =
    Hello,

    { $inviter } invited you to become a Coursegate system administrator.

    Your sign-in name: { $email }

    Set your password with this one-time link (valid until { $until }):
    { $link }

    — Coursegate

## Paging shared by the console's lists
pager-newest = Newest
pager-older = Older →

## Customer organizations
accounts-orgs-title = Organizations — Coursegate admin
accounts-orgs-heading = Customer organizations
accounts-orgs-search-placeholder = Organization name
accounts-orgs-search-label = Search by name
accounts-orgs-any-status = Any status
accounts-orgs-no-match = No organization matches.
accounts-orgs-none = No customer organizations yet. Approving an application creates one.
accounts-orgs-col-since = Since
accounts-orgs-invited = invited
accounts-orgs-handover-pending = handover pending
accounts-orgs-error-status = Status is active, suspended or empty.
accounts-org-status-active = Active
accounts-org-status-suspended = Suspended
accounts-col-email = Email
accounts-col-status = Status
accounts-col-added = Added
accounts-col-actions = Actions
accounts-link-valid = Link valid until { $when }
accounts-send-new-link = Send a new link

## One customer organization
accounts-org-title = Organization — Coursegate admin
accounts-org-back = ← Customer organizations
accounts-org-customer-since = customer since { $when }
accounts-org-application = Application
accounts-org-standing = Standing
accounts-org-suspended = Suspended. Nobody in the organization can sign in.
accounts-org-suspended-since = Suspended since { $when }. Nobody in the organization can sign in.
accounts-org-reason = Reason:
accounts-org-reactivate = Reactivate
accounts-org-current-admin = Current admin
accounts-org-no-admin = Nobody holds the role.
accounts-org-taking-over = Taking over (invited)
accounts-org-handover-hint = The current admin keeps access until the invited person sets a password; then the current admin is deactivated and signed out.
accounts-org-cancel-handover = Cancel the handover
accounts-org-no-password = has not set a password yet
accounts-org-active = Active: the organization's Customer admin can sign in.
accounts-org-suspend-reason = Reason for suspending
accounts-org-suspend-hint = Mailed to the Customer admin. Suspending signs everyone in the organization out at once.
accounts-org-suspend = Suspend
accounts-org-handover-heading = Hand the role to someone else
accounts-org-handover-email = New Customer admin's email
accounts-org-handover-email-hint = They receive a link to set a password. When they do, they take over and the current admin's access ends.
accounts-org-invite = Invite

## System administrators
accounts-admins-title = System administrators — Coursegate admin
accounts-admins-heading = System administrators
accounts-admins-lead = People who run Coursegate. A deactivated administrator is signed out at once; at least one active administrator always remains.
accounts-admins-invite-heading = Invite an administrator
accounts-admins-invite-hint = They receive a one-time link to set a password.
accounts-admins-invite = Send invitation
accounts-admins-reactivate = Reactivate
accounts-admins-deactivate = Deactivate
accounts-admins-you = You

## Outbox
outbox-title = Outbox — Coursegate admin
outbox-heading = Outbox
outbox-lead-delivering = Every email the platform sends, newest first, with its delivery state.
outbox-lead-local = Every email the platform sends, newest first. No SMTP server is configured, so mail stays here: this is where it is read.
outbox-empty = No mail yet.
outbox-to = To
outbox-state-queued = Queued
outbox-state-sending = Sending
outbox-state-sent = Sent
outbox-state-failed = Failed
outbox-attempts = { $count ->
    [one] 1 attempt
   *[other] { $count } attempts
}
outbox-sent = sent { $when }
outbox-last-error = last error: { $error }
outbox-retry = Retry now
outbox-show = Show message
outbox-error-not-found = No mail has that id.
outbox-error-not-failed = Only a failed mail can be retried; this one is { $state }.

## Audit trail
audit-title = Audit trail — Coursegate admin
audit-heading = Audit trail
audit-filter-who = Who
audit-filter-who-hint = Email or label
audit-filter-action = Action starts with
audit-filter-action-hint = e.g. organization.
audit-filter-organization = Organization
audit-filter-organization-hint = Name or id
audit-filter-from = From (UTC)
audit-filter-to = To (UTC)
audit-filter = Filter
audit-clear = Clear
audit-empty = No entries match.
audit-col-when = When
audit-col-who = Who
audit-col-action = Action
audit-col-organization = Organization
audit-col-detail = Detail
audit-correct-filters = Correct the filters above.
audit-error-date = Enter a date as YYYY-MM-DD.
audit-error-month = There is no such month.
audit-error-day = There is no such day in that month.
audit-error-filter-long = Filter by at most { $max } characters.
audit-error-dates-order = The end date is before the start date.

## Support (the Customer admin's requests and the operator's inbox)
support-title = Support — Coursegate
support-eyebrow = Customer organization
support-heading = Support
support-empty = No support requests yet.
support-your-reply = Your reply
support-send-reply = Send reply
support-new-request = New request
support-subject = Subject
support-message = Message
support-send-request = Send request
support-new-message = New message
support-new-reply = New reply
support-public = Public
support-status-open = Open
support-status-answered = Answered
support-operator = Coursegate support
support-contact-subject = Question about applying
support-inbox-title = Support inbox — Coursegate
support-inbox-eyebrow = Admin console
support-inbox-heading = Support inbox
support-nothing = Nothing here.
support-next-page = Next page
support-from-public = Public contact form: { $name } <{ $email }>
support-answer = Answer (mailed to the sender)
support-send-answer = Send answer
support-choose = Choose a thread to read it.
support-error-not-found = No support request has that id.
support-error-subject-line = Subject must be one line.
support-error-status = Unknown status.
support-mail-public-body =
    Hello { $name },

    thank you for your question. Our answer:

    { $message }

    To apply for a customer account: { $link }

    Coursegate support
support-mail-reply-body =
    Hello,

    there is a new reply to your support request "{ $subject }":

    { $message }

    Read the thread and answer at { $link }

    Coursegate support

## Platform reports
reports-title = Reports — Coursegate
reports-eyebrow = System administration
reports-heading = Platform reports
reports-applications = Applications
reports-gross-in = Gross { $currency }
reports-revenue-chart = Revenue per service in { $currency }, incl. VAT
reports-revenue-none-in = No revenue in { $currency } yet.
reports-seats-sold = Seats sold
reports-capacity = Capacity
reports-per-week = Applications per week
reports-per-week-total = { $count } in the last { $weeks } weeks; weeks start on Monday.
reports-per-week-none = No applications in the last twelve weeks.
reports-decision = Time to decision
reports-decided = Decided
reports-decided-count = { $count ->
    [one] 1 application (approved or rejected)
   *[other] { $count } applications (approved or rejected)
}
reports-median = Median
reports-average = Average
reports-decision-hint = From submission to the decision, over every decided application.
reports-revenue = Revenue per service
reports-revenue-hint = The sum of every expense line, refunds subtracted.
reports-revenue-none = No revenue yet.
reports-col-service = Service
reports-col-lines = Lines
reports-col-net = Net
reports-col-gross = Gross
reports-col-starts = Starts
reports-col-status = Status
reports-utilization = Utilization per service
reports-utilization-chart = Seats sold and capacity per service
reports-utilization-none = No services with a seat limit yet.
reports-seats-of = { $sold } of { $capacity } ({ $percent } %)
reports-seats-unlimited = { $sold } (no limit)
reports-duration-days = { $days } d { $hours } h
reports-duration-hours = { $hours } h { $minutes } min
reports-duration-minutes = { $minutes } min
reports-duration-short = under a minute

## Catalog editor
catalog-admin-title = Catalog editor — Coursegate
catalog-admin-heading = Service catalog
catalog-admin-new = New service
catalog-admin-tab-published = Published
catalog-admin-tab-draft = Drafts
catalog-admin-tab-archived = Archived
catalog-admin-status-published = published
catalog-admin-status-draft = draft
catalog-admin-status-archived = archived
catalog-admin-kind-course = Course
catalog-admin-kind-service = Service
catalog-admin-mode-in_person = In person
catalog-admin-mode-online = Online
catalog-admin-mode-hybrid = Hybrid
catalog-admin-empty = No services here yet. Create one with “New service”; it starts as a draft.
catalog-admin-col-service = Service
catalog-admin-col-when = When
catalog-admin-col-seats = Seats
catalog-admin-col-price = Price
catalog-admin-col-orders = Orders · applications
catalog-admin-col-status = Status
catalog-admin-unlimited = unlimited
catalog-admin-any-time = Any time
catalog-admin-publish = Publish
catalog-admin-unpublish = Unpublish
catalog-admin-archive = Archive
catalog-admin-restore = Restore as draft
catalog-admin-edit-title = Edit service — Coursegate
catalog-admin-back = ← Service catalog
catalog-admin-edit-status = Status: { $status } · { $count ->
    [one] 1 seat taken
   *[other] { $count } seats taken
}
catalog-admin-zone-operator = Dates and times are in the operator's time zone.
catalog-admin-save = Save changes
catalog-admin-create = Create draft
catalog-admin-kind = Kind
catalog-admin-kind-hint = A course has dates, seats and applications with named attendees; a service is bought by the unit.
catalog-admin-mode = Delivery mode
catalog-admin-field-title = Title
catalog-admin-category = Category
catalog-admin-category-example = Leadership
catalog-admin-description = Description
catalog-admin-zone = Dates and times are in { $zone }.
catalog-admin-starts = Starts
catalog-admin-ends = Ends
catalog-admin-deadline = Free cancellation until
catalog-admin-deadline-hint = (optional; the start when empty)
catalog-admin-capacity = Capacity
catalog-admin-capacity-hint = (seats; empty for no limit)
catalog-admin-price = Price per seat or unit, before VAT
catalog-admin-currency = Currency
catalog-admin-vat = VAT rate (%)

## Course applications in the admin console
courses-admin-title = Course applications — Coursegate
courses-admin-heading = Course applications
courses-admin-status = Status
courses-admin-to-decide = To decide
courses-admin-status-submitted = Submitted
courses-admin-status-waitlisted = Waitlisted
courses-admin-status-accepted = Accepted
courses-admin-status-rejected = Rejected
courses-admin-status-cancelled = Cancelled
courses-admin-one-title = Course application — Coursegate
courses-admin-back = ← Course applications
courses-admin-attendees = Attendees
courses-admin-name = Name
courses-admin-attended = Attended
courses-admin-absent = Absent
courses-admin-decide-hint = Accepting uses seats the organization bought for this course first; any other places take free seats and are charged as a course fee.
courses-admin-message = Message to the organization
courses-admin-message-hint = (required to reject)
courses-admin-decision = Decision
courses-admin-accept = Accept
courses-admin-waitlist = Waitlist
courses-admin-record = Record decision

## Utilization (the organization's page)
utilization-title = Utilization — Coursegate
utilization-heading = Utilization
utilization-lead = Seats you bought and how many of them your accepted course applications use; seats beyond those are charged as course fees.
utilization-empty = Nothing bought or applied for yet.
utilization-empty-catalog = Find a course or service in the catalog.
utilization-seats-paid = Seats paid for
utilization-seats-used = Seats used
utilization-chart = Seats paid for and used per service
utilization-chart-empty = No seats bought or used yet.
utilization-col-bought = Seats bought
utilization-col-charged = Charged as course fees
utilization-col-accepted = Attendees accepted
utilization-col-attendance = Attendance
utilization-not-marked = Not marked yet
utilization-starts = Starts { $when }
# A week on the applications chart, by its Monday ($iso is YYYY-MM-DD).
reports-week-of = { $iso }

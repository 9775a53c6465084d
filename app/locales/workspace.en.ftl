# The customer workspace: dashboard, purchases, course applications,
# attendees, billing accounts, expenses, profile and organization details.

## Relative dates ("3 days ago"), with the exact time on hover
when-just-now = just now
when-yesterday = yesterday
when-tomorrow = tomorrow
when-minutes-ago = { $n ->
    [one] 1 minute ago
   *[other] { $n } minutes ago
}
when-in-minutes = { $n ->
    [one] in 1 minute
   *[other] in { $n } minutes
}
when-hours-ago = { $n ->
    [one] 1 hour ago
   *[other] { $n } hours ago
}
when-in-hours = { $n ->
    [one] in 1 hour
   *[other] in { $n } hours
}
when-days-ago = { $n ->
    [one] 1 day ago
   *[other] { $n } days ago
}
when-in-days = { $n ->
    [one] in 1 day
   *[other] in { $n } days
}
when-months-ago = { $n ->
    [one] 1 month ago
   *[other] { $n } months ago
}
when-in-months = { $n ->
    [one] in 1 month
   *[other] in { $n } months
}
when-years-ago = { $n ->
    [one] 1 year ago
   *[other] { $n } years ago
}
when-in-years = { $n ->
    [one] in 1 year
   *[other] in { $n } years
}

## Errors every page can show
error-unauthorized = Please sign in to continue.
error-invalid-credentials = Email or password is incorrect.
error-validation = Please correct the highlighted fields.
error-rate-limited = { $seconds ->
    [one] Too many attempts. Please try again in 1 second.
   *[other] Too many attempts. Please try again in { $seconds } seconds.
}
error-unreachable = The server could not be reached. Check your connection and try again.
error-internal = Something went wrong on our side. Please try again later.

## Dashboard (/org)
dashboard-title = Dashboard — Coursegate
dashboard-eyebrow = Customer organization
dashboard-active = Active customer
dashboard-suspended = Suspended
dashboard-customer-since = Customer since { $date }
dashboard-browse-catalog = Browse the catalog
dashboard-key-figures = Key figures
dashboard-open-orders = Open orders
dashboard-upcoming-courses = Upcoming courses
dashboard-spent-this-month = Spent this month
dashboard-this-month-on = This month on { $account }
dashboard-spend = Spend
dashboard-spend-chart = Spend per month, incl. VAT
dashboard-spend-chart-in = Spend per month in { $currency }, incl. VAT
dashboard-spend-empty = No spending in the last twelve months.
dashboard-spend-empty-in = No spending in { $currency } in the last twelve months.
dashboard-all-expenses = All expenses
dashboard-seats = Seats
dashboard-seats-chart = Seats paid for and used per service
dashboard-seats-paid = Seats paid for
dashboard-seats-used = Seats used
dashboard-seats-empty = No seats bought or used yet.
dashboard-utilization-link = Utilization per service
dashboard-recent-activity = Recent activity
dashboard-activity-empty = Nothing has happened yet.
dashboard-your-account = Your account
dashboard-signed-in-as = Signed in as
dashboard-role = Role
dashboard-role-text = Customer admin — the organization's single point of contact
dashboard-address-link = Address and contact details
dashboard-not-found = Your organization was not found.

## Recent activity: what happened, by its audit action
activity-application-approved = Application approved — account created
activity-application-submitted = Application submitted
activity-attendee-created = Attendee added
activity-attendee-updated = Attendee changed
activity-attendee-deleted = Attendee deleted
activity-attendee-erased = Attendee's data erased
activity-attendee-imported = Attendees imported
activity-billing-account-created = Billing account added
activity-billing-account-updated = Billing account changed
activity-billing-account-archived = Billing account archived
activity-billing-account-restored = Billing account restored
activity-billing-account-made-default = Default billing account changed
activity-course-application-submitted = Course application sent
activity-course-application-withdrawn = Course application withdrawn
activity-course-application-attendees-changed = Attendees of a course application changed
activity-course-application-attendance = Attendance marked
activity-course-application-accepted = Course application accepted
activity-course-application-waitlisted = Course application waitlisted
activity-course-application-rejected = Course application rejected
activity-order-created = Order placed
activity-order-cancelled = Order cancelled
activity-organization-details-updated = Organization details changed
activity-organization-time-zone-updated = Time zone changed
activity-organization-suspended = Organization suspended
activity-organization-reactivated = Organization reactivated
activity-organization-handover-started = Customer admin handover started
activity-organization-handover-completed = Customer admin handed over
activity-organization-handover-cancelled = Customer admin handover cancelled
activity-support-open = Support request opened
activity-support-reply = Message sent to support
activity-support-answer = Support answered
activity-user-password-set = Password set
activity-user-password-changed = Password changed
activity-user-password-reset-requested = Password reset requested
activity-user-signed-out-everywhere = Signed out of every session
activity-user-invited = Customer admin invited
activity-user-invitation-resent = Invitation sent again
chart-category = Category

## Lists that page
pager-label = Pages
pager-first = First page
pager-next = Next page

## Catalog (/org/catalog)
catalog-title = Catalog — Coursegate
catalog-service-title = Service — Coursegate
catalog-your-orders = Your orders
catalog-lead = Courses and services you can buy. Prices are per seat or unit, before VAT; the VAT rate is shown with each price.
catalog-search = Search
catalog-search-placeholder = Title, topic or category
catalog-category = Category
catalog-all = All
catalog-delivery = Delivery
catalog-any = Any
catalog-starts-from = Starts from
catalog-starts-by = Starts by
catalog-price-from = Price from
catalog-price-to = Price to
catalog-filter = Filter
catalog-clear = Clear
catalog-empty = The catalog is empty right now. New courses and services appear here as soon as they are published.
catalog-no-match = Nothing matches these filters. Clear them to see the whole catalog.
catalog-no-seat-limit = No seat limit
catalog-fully-booked = Fully booked
catalog-seats-left = { $count ->
    [one] 1 seat left
   *[other] { $count } seats left
}
catalog-any-time = Any time
catalog-price-plus-vat = { $price } + VAT { $rate }
catalog-order-confirmed = Order confirmed.
catalog-see-orders = See your orders
catalog-when = When
catalog-price = Price
catalog-per-seat = per seat
catalog-per-unit = per unit
catalog-availability = Availability
catalog-cancellation = Cancellation
catalog-free-cancellation-until = Free cancellation until { $date }
catalog-cancel-before-delivery = Cancel any time before delivery
catalog-your-organization = Your organization
catalog-bought-used = { $bought } bought, { $used } used by accepted attendees
catalog-closed = This can no longer be bought.
catalog-apply-heading = Apply with named attendees
catalog-apply-text = Send a course application for the people who will attend; seats you bought are used first.
catalog-apply-button = Apply for this course
catalog-total = { $net } + VAT { $vat } = { $total }
catalog-buy-seats = Buy seats
catalog-buy = Buy
catalog-loading-accounts = Loading billing accounts…
catalog-add-account-first = Add a billing account first:
catalog-place-order = Place order
service-kind-course = Course
service-kind-service = Service
delivery-in-person = In person
delivery-online = Online
delivery-hybrid = Hybrid

## Orders (/org/orders)
orders-title = Orders — Coursegate
orders-empty = No orders yet. Find a course or service in the catalog:
orders-empty-link = Browse the catalog
orders-ordered = Ordered
orders-service = Service
orders-quantity = Quantity
orders-billing-account = Billing account
orders-total = Total incl. VAT
orders-status = Status
orders-newest = Newest
orders-older = Older
orders-net-and-vat = { $net } net + { $vat } VAT
orders-cancelled = Cancelled
orders-confirmed = Confirmed
orders-cancel = Cancel
catalog-no-such-service = No service in the catalog has that id.
catalog-search-too-long = Search for at most 200 characters.
catalog-lowest-price = Lowest price
catalog-highest-price = Highest price
orders-choose-own-account = Choose one of your organization's billing accounts.
orders-choose-account = Choose a billing account.
orders-already-started = This course has already started and can no longer be bought.
orders-not-found = No order has that id.
orders-already-cancelled = This order is already cancelled.
orders-deadline-passed = The cancellation deadline of this service has passed; contact support if you need help.
orders-seats-in-use = { $used ->
    [one] 1 of your bought seats is taken by an accepted course application; withdraw it first.
   *[other] { $used } of your bought seats are taken by accepted course applications; withdraw those first.
}
form-key-malformed = The form's key is missing or malformed; reload the page and try again.
validate-date = Enter a date such as 2027-01-31.

## Mails to the Customer admin about orders
mail-order-confirmation-subject = Order confirmation: { $service }
mail-order-confirmation-body =
    Thank you for your order.

    { $quantity } × { $unit }: { $service }
    When: { $when }
    Billing account: { $account }
    Net: { $net }
    VAT { $rate }: { $vat }
    Total: { $total }

    { $cancel }

    See your orders at { $link }

    — Coursegate
mail-order-unit-seat = seat
mail-order-unit-unit = unit
mail-order-cancel-until = You can cancel this order until { $date }.
mail-order-cancel-any-time = You can cancel this order from your orders page.
mail-order-cancelled-subject = Order cancelled: { $service }
mail-order-cancelled-body =
    Your order of { $quantity } × { $service } is cancelled and { $amount } is refunded to the billing account { $account }.

    — Coursegate

## Course applications (/org/courses)
courses-title = Course applications — Coursegate
courses-new-title = Apply for a course — Coursegate
courses-detail-title = Course application — Coursegate
courses-eyebrow = Course application
courses-apply = Apply for a course
courses-empty = No course applications here. Pick a course in the catalog and apply with the people who will attend.
courses-course = Course
courses-organization = Organization
courses-places = Places
courses-applied = Applied
courses-decided = Decided
courses-new-lead = Name the people who will attend. Seats your organization bought for the course are used first; places beyond them are charged as a course fee when the application is accepted.
courses-none-open = No course is open for applications right now.
courses-find-placeholder = Find attendees by name or email
courses-find-label = Find attendees
courses-find = Find
courses-fee-account = Billing account for course fees
courses-note = Note to the operator
courses-note-short = Note
courses-send = Send application
courses-no-attendees = No attendees found. Add people on the Attendees page first:
courses-fee = Course fee
courses-fee-before-vat = { $amount } before VAT
courses-no-fee = None
courses-seats-split = { $bought } from bought seats, { $charged } charged as a course fee
courses-operator-message = Operator's message
courses-withdraw-refund = Withdrawing gives the seats back and refunds the course fee.
courses-withdraw-no-refund = The free cancellation deadline has passed: withdrawing gives the seats back, but the course fee stays.
courses-withdraw-note = Withdrawing tells the operator you no longer need these places.
courses-change-attendees = Change attendees
courses-accepted-swap = { $count ->
    [one] Accepted for 1 place: swap the person, keep the number.
   *[other] Accepted for { $count } places: swap people, keep the number.
}
courses-save-attendees = Save attendees
courses-withdraw = Withdraw
courses-withdraw-button = Withdraw application
courses-status-submitted = Submitted
courses-status-waitlisted = Waitlisted
courses-status-accepted = Accepted
courses-status-rejected = Rejected
courses-status-cancelled = Cancelled
courses-status-unknown = Unknown
courses-not-found = No course application has that id.
courses-choose-attendee = Choose at least one attendee.
courses-too-many-attendees = An application can name at most { $max } attendees.
courses-attendee-twice = Each attendee can be named once.
courses-attendee-not-ours = Choose attendees from your organization's list.
courses-attendee-elsewhere = { $name } is already on another application for this course.
courses-choose-course = Choose a course.
courses-no-such-course = No course in the catalog has that id.
courses-not-a-course = Applications are for courses; buy this service from the catalog instead.
courses-closed = This course has already started; applications are closed.
courses-closed-status = This application is { $status }; its attendees can no longer change.
courses-started-no-change = The course has started; its attendees can no longer change.
courses-name-exactly = { $places ->
    [one] This application was accepted for 1 place; name exactly 1, or withdraw and apply again for a different number.
   *[other] This application was accepted for { $places } places; name exactly { $places }, or withdraw and apply again for a different number.
}
courses-already-status = This application is already { $status }.
courses-started-no-withdraw = The course has started; the application can no longer be withdrawn.

## Mails about course applications
mail-course-accepted-subject = Course application accepted: { $service }
mail-course-accepted-body =
    Your application for { $service } ({ $when }) is accepted. See you there!{ $fee }{ $message }

    See the application at { $link }

    — Coursegate
mail-course-waitlisted-subject = Course application waitlisted: { $service }
mail-course-waitlisted-body =
    Your application for { $service } ({ $when }) is on the waiting list. We will write again as soon as a place frees up.{ $message }

    See the application at { $link }

    — Coursegate
mail-course-rejected-subject = Course application not accepted: { $service }
mail-course-rejected-body =
    Your application for { $service } ({ $when }) was not accepted.{ $message }

    See the application at { $link }

    — Coursegate
mail-course-fee = { $count ->
    [one] { " " }1 place beyond the seats you bought is charged as a course fee of { $price } (before VAT) to { $account }.
   *[other] { " " }{ $count } places beyond the seats you bought are charged as a course fee of { $price } each (before VAT) to { $account }.
}
mail-course-operator-message = { " " }Message from the operator: { $reason }

## Attendees (/org/attendees)
attendees-title = Attendees — Coursegate
attendees-search-placeholder = Name or email
attendees-search-label = Search attendees
attendees-erased-banner = The attendee's personal data was erased. Their course applications now show "Erased attendee".
attendees-empty = No attendees yet. Add people with the form, or import a CSV file.
attendees-no-match = No attendees match the search.
attendees-total = { $count ->
    [one] 1 attendee
   *[other] { $count } attendees
}
attendees-name = Name
attendees-job-title = Job title
attendees-actions = Actions
attendees-edit = Edit
attendees-personal-data = Personal data
attendees-personal-data-of = Personal data of { $name }
attendees-delete = Delete
attendees-delete-confirm = Delete for good
attendees-add-heading = Add an attendee
attendees-add = Add attendee
attendees-edit-heading = Edit { $name }
attendees-import-heading = Import from CSV
attendees-import-text = Paste a CSV file with a header row naming the columns name, email and job_title (optional). If any row has a problem, nothing is imported and every problem is listed.
attendees-imported = { $count ->
    [one] Imported 1 attendee.
   *[other] Imported { $count } attendees.
}
attendees-import-problems = { $count ->
    [one] Nothing was imported: 1 problem.
   *[other] Nothing was imported: { $count } problems.
}
attendees-csv-text = CSV text
attendees-import = Import
attendees-export-heading = Export to CSV
attendees-export-text = Every attendee in one UTF-8 file with a header row, ready for a spreadsheet.
attendees-prepare-export = Prepare export
attendees-download = Download attendees.csv
attendees-preview = Preview
attendees-not-found = No attendee has that id.
attendees-email-taken = Another attendee already has this email.
attendees-on-application = This attendee is named on a course application and cannot be deleted.
form-save-changes = Save changes
form-save = Save
form-cancel = Cancel

## Validation messages of the workspace forms
validate-formula = { $label } must not start with = + - or @.
validate-amount = { $label } must be an amount such as 1250 or 1250.50, with at most two decimals.
validate-too-large = { $label } is too large.
validate-date-time = { $label } must be a date and time such as 2027-01-31T09:00.
validate-whole-number = { $label } must be a whole number from { $min } to { $max }.
validate-vat-id = Enter a VAT ID with its country prefix, such as FI12345678.
validate-e-invoice = Enter an e-invoice address: an email address or an operator code such as 003712345678.
validate-common-password = This password is one of the most common ones and easy to guess. Choose another.
validate-label-message = Message
validate-label-reason = Reason

## Billing accounts (/org/billing)
billing-title = Billing accounts — Coursegate
billing-show-active = Show active accounts
billing-show-archived = Show archived accounts
billing-lead = Purchases are invoiced to a billing account. The default account is chosen for you at checkout; an account you no longer use is archived, so past invoices still show where they went.
billing-no-archived = No archived billing accounts.
billing-empty = No billing accounts yet. Add the first one with the form; it becomes the default.
billing-account = Account
billing-name = Account name
billing-address = Invoicing address
billing-vat-id = VAT ID
billing-reference = Reference
billing-reference-label = Reference or cost centre
billing-e-invoice = E-invoice address
billing-e-invoice-hint = An email address for PDF invoices, or your operator code.
billing-archived = Archived
billing-restore = Restore
billing-make-default = Make default
billing-archive = Archive
billing-default = Default
billing-add-heading = Add a billing account
billing-add = Add account
billing-edit-heading = Edit “{ $name }”
billing-not-found = No billing account has that id.
billing-archived-no-change = This billing account is archived and can no longer be changed.
billing-archived-no-default = An archived billing account cannot be the default.
billing-already-archived = This billing account is already archived.
billing-default-no-archive = The default billing account cannot be archived. Make another account the default first.
billing-not-archived = This billing account is not archived.

## Expenses (/org/expenses)
expenses-title = Expenses — Coursegate
expenses-lead = Every purchase and course fee charged to your billing accounts; refunds are negative lines. Months are in your organization's time zone.
expenses-all-accounts = All accounts
expenses-from-month = From month
expenses-to-month = To month
expenses-all-services = All services
expenses-kind = Kind
expenses-all-kinds = All kinds
expenses-totals = Totals
expenses-overall = { $count ->
    [one] { $net } net + { $vat } VAT, 1 line
   *[other] { $net } net + { $vat } VAT, { $count } lines
}
expenses-month = Month
expenses-lines = Lines
expenses-net = Net
expenses-vat = VAT
expenses-gross = Gross
expenses-vat-rate = VAT { $rate }
expenses-prepare-csv = Prepare CSV of these lines
expenses-download = Download expenses.csv
expenses-empty = No expenses yet. Purchases and course fees show up here as soon as they are charged.
expenses-no-match = No lines match these filters.
expenses-date = Date
expenses-description = Description
expenses-kind-purchases = Purchases
expenses-kind-course-fees = Course fees
expenses-kind-refunds = Refunds
expenses-source-order = Purchase
expenses-source-order-refund = Purchase refund
expenses-source-course-fee = Course fee
expenses-source-course-fee-refund = Course fee refund
expenses-source-other = Other
expenses-desc-order = { $count } × { $service }
expenses-desc-order-refund = Refund, cancelled order: { $service }
expenses-desc-course-fee = Course fee, { $count } × place: { $service }
expenses-desc-course-fee-refund = Refund, withdrawn application: { $service }
expenses-choose-service = Choose a service from the list.
expenses-choose-kind = Choose purchases, course fees or refunds.
expenses-enter-month = Enter a month such as 2026-12.
expenses-months-reversed = The last month is before the first month.
expenses-export-too-many = More than { $max } lines match; choose a shorter month range and export in parts.

## Organization details (/org/details)
org-details-heading = Organization details

## Profile (/profile)
profile-title = Your profile — Coursegate
profile-heading = Your profile
profile-password-changed = Your password is changed. Every other session is signed out.
profile-sessions-ended = Every other session is signed out. This browser stays signed in.
profile-change-password = Change password
profile-current-password = Current password
profile-repeat-password = Repeat the new password
profile-two-step = Two-step sign-in
profile-two-step-required = The operator requires two-step sign-in for system administrators. Set it up to use the admin console.
profile-two-step-text = Ask for a code from an authenticator app after your password.
profile-two-step-manage = Manage two-step sign-in
profile-sessions = Sessions
profile-sessions-text = Signed in on a computer you no longer use? End every session except this one.
profile-sign-out-everywhere = Sign out everywhere else
profile-enter-current = Enter your current password.
profile-current-wrong = The current password is not correct.
profile-passwords-differ = The two passwords do not match.

## Password reset mail
mail-password-reset-subject = Reset your Coursegate password
mail-password-reset-body =
    Someone asked to reset the password of your Coursegate account.

    Choose a new password here (the link works once, for { $hours ->
        [one] 1 hour
       *[other] { $hours } hours
    }):
    { $link }

    If it was not you, ignore this mail; your password stays as it is.

    — Coursegate

## Two-step sign-in (/profile/two-step)
two-step-title = Two-step sign-in — Coursegate
two-step-lead = After your password, Coursegate asks for a 6-digit code from an authenticator app on your phone, so a stolen password alone does not let anyone in.
two-step-off-banner = Two-step sign-in is off. You sign in with your password alone.
two-step-your-codes = Your recovery codes
two-step-codes-text = Keep these somewhere safe, away from your phone. Each one signs you in once if the phone is lost. They are shown only until you confirm that you saved them.
two-step-codes-saved = I have saved them
two-step-on = On
two-step-off = Off
two-step-codes-left = Recovery codes left:
two-step-new-codes = New recovery codes
two-step-current-code = Current code from your app
two-step-make-codes = Make new recovery codes
two-step-switch-off = Switch off
two-step-or-password = …or your password
two-step-switch-off-button = Switch off two-step sign-in
two-step-add-app = Add Coursegate to your authenticator app
two-step-type-key = In the app, add an account and type this key (or open the link below on the phone):
two-step-enter-code = Then enter the code the app shows, to check that it works.
two-step-code = Code from your app
two-step-switch-on = Switch on
two-step-set-up = Set up two-step sign-in
two-step-back = Back to your profile
two-step-not-on = Two-step sign-in is not switched on for your account.
two-step-code-wrong = The code is not correct.
two-step-code-used = This code was already used. Wait for the next one in your app.
two-step-recovery-wrong = This recovery code is not correct or was already used.
two-step-already-on-move = Two-step sign-in is already on. Switch it off first to move it to another app.
two-step-already-on = Two-step sign-in is already on.
two-step-setup-expired = The set-up expired. Start it again to get a new key.
two-step-enter-six = Enter the 6-digit code your authenticator app shows.
two-step-code-or-password = Enter a code from your authenticator app, or your password.
two-step-password-wrong = The password is not correct.
org-details-title = Organization details — Coursegate
org-correct-fields = Please correct the fields marked below.
org-save-details = Save details
org-time-zone = Time zone
org-time-zone-text = Course dates, order times and expense months are shown in this zone.
org-operators-zone = The operator's ({ $zone })
org-save-time-zone = Save time zone
org-choose-time-zone = Choose a time zone from the list, such as Europe/Helsinki.

## An attendee's personal data (/org/attendees/:id)
attendees-personal-title = Attendee's personal data — Coursegate
attendees-personal-heading = Attendee's personal data
attendees-attended = Attended
attendees-did-not-attend = Did not attend
attendees-not-marked = Not marked
attendees-download-json = Download as JSON
attendees-record = Record
attendees-added = Added
attendees-last-changed = Last changed
attendees-no-courses = Not named on any course application.
attendees-starts = Starts
attendees-attendance = Attendance
attendees-history = History
attendees-history-entry = { $action } by { $by }
attendees-erase = Erase personal data
attendees-erase-text = Erasing removes the name, email and job title for good and takes the person off the attendee list. Course applications, attendance and expense lines stay, showing "Erased attendee" instead of the name. Download the data first if the person asked for a copy.
attendees-erase-confirm = Erase { $name }'s personal data. This cannot be undone.
attendees-erase-tick = Tick the box to confirm that the personal data is erased for good.

## Toasts: what a finished action says
toast-dismiss = Dismiss
toast-applications-submit = Application sent.
toast-applications-respond = Answer sent to the reviewer.
toast-applications-withdraw = Application withdrawn.
toast-admin-applications-claim = You now review this application.
toast-admin-applications-request-info = Request for information sent.
toast-admin-applications-approve = Application approved; the invitation is on its way.
toast-admin-applications-reject = Application rejected.
toast-admin-invitations-resend = A new link was sent; the old one no longer works.
toast-admin-organizations-suspend = Organization suspended.
toast-admin-organizations-reactivate = Organization reactivated.
toast-admin-organizations-handover = Handover invitation sent.
toast-admin-organizations-handover-cancel = Handover cancelled.
toast-admin-admins-invite = Administrator invited.
toast-admin-admins-deactivate = Administrator deactivated.
toast-admin-admins-reactivate = Administrator reactivated.
toast-admin-outbox-retry = The mail will be sent again.
toast-admin-catalog-create = Draft saved.
toast-admin-catalog-update = Service saved.
toast-admin-catalog-set-status = Service status changed.
toast-admin-courses-decide = Decision saved; the organization is mailed.
toast-admin-courses-attendance = Attendance saved.
toast-admin-support-reply = Reply sent.
toast-org-details-update = Organization details saved.
toast-org-time-zone-update = Time zone saved.
toast-org-billing-create = Billing account added.
toast-org-billing-update = Billing account saved.
toast-org-billing-set-default = Default billing account changed.
toast-org-billing-archive = Billing account archived.
toast-org-billing-restore = Billing account restored.
toast-org-attendees-create = Attendee added.
toast-org-attendees-update = Attendee saved.
toast-org-attendees-delete = Attendee deleted.
toast-org-orders-create = Purchase made.
toast-org-orders-cancel = Order cancelled.
toast-org-courses-create = Course application sent.
toast-org-courses-attendees = Attendees changed.
toast-org-courses-withdraw = Course application withdrawn.
toast-support-open = Support request sent.
toast-support-reply = Message sent.
toast-support-contact = Message sent. We will answer by email.
dashboard-attendance-not-marked = Not marked yet
dashboard-attendance = { $attended } of { $marked } ({ $percent } %)

## Orders and the service editor: refusals
orders-fully-booked = Sorry, this is fully booked: no seats are left.
orders-only-seats-left = { $left ->
    [one] Only 1 seat is left; you asked for { $asked }.
   *[other] Only { $left } seats are left; you asked for { $asked }.
}
catalog-start = Start
catalog-end = End
catalog-cancellation-deadline = Cancellation deadline
catalog-course-needs-start = A course needs a start.
catalog-course-needs-end = A course needs an end.
catalog-course-needs-capacity = A course needs a capacity (its number of seats).
catalog-end-after-start = The end must be after the start.
catalog-start-with-end = Give a start when there is an end.
catalog-deadline-before-start = The cancellation deadline must be before the start.
catalog-kind-locked = This service already has orders or applications; its kind cannot change.
catalog-choose-status = Choose draft, published or archived.
courses-choose-status = Choose submitted, waitlisted, accepted, rejected or cancelled.
courses-choose-decision = Choose accept, waitlist or reject.
courses-cannot-decide = This application is { $status }; it cannot be { $next } now.
courses-started-no-accept = The course has started; the application can no longer be accepted.
courses-needs-seats = { $count ->
    [one] The application needs 1 seat beyond what the organization bought; waitlist it or raise the capacity.
   *[other] The application needs { $count } seats beyond what the organization bought; waitlist it or raise the capacity.
}
courses-attendance-accepted-only = Attendance is marked on accepted applications only.
courses-attendee-not-on = That attendee is not on this application.
validate-label-title = Title
validate-label-description = Description
validate-label-capacity = Capacity
validate-label-currency = Currency
validate-label-kind = Kind
validate-label-delivery-mode = Delivery mode
validate-vat-rate = VAT rate must be a percentage such as 25.5 or 0.
validate-vat-rate-max = VAT rate must be at most 100 %.
validate-currency = Choose a currency from the list ({ $list }).
validate-label-subject = Subject
validate-label-answer = Your answer
validate-label-vat-rate = VAT rate

## Attendee CSV import
attendees-csv-place = line { $line }, { $what }
attendees-csv-column-n = column { $n }
attendees-csv-column-twice = This column appears twice in the header.
attendees-csv-unknown-column = Unknown column { $column }; the header names the columns { $columns }.
attendees-csv-column-missing = The header has no such column; it is required.
attendees-csv-header-unreadable = The header cannot be read: { $error }
attendees-csv-empty = The file is empty.
attendees-csv-row-unreadable = The row cannot be read: { $error }
attendees-csv-too-many = Import at most { $max } rows at a time.
attendees-csv-column-count = The row has { $row } columns; the header has { $header }.
attendees-csv-same-email = The same email is already on line { $line }.
attendees-csv-email-exists = An attendee with this email already exists.
attendees-csv-no-rows = The file has a header but no rows.
attendees-csv-raced = Attendees were added while the file was imported. Nothing was imported; please try again.

## Requests the server could not read
error-unreadable = The request could not be read: { $detail }
error-missing-arg = The request is missing `{ $arg }`.

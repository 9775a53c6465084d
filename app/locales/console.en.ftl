# The operator console: the review queue, application details, customer
# organizations, catalog and course administration, support and reports.

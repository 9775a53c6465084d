# The customer workspace: dashboard, purchases, course applications,
# attendees, billing accounts, expenses, profile and organization details.

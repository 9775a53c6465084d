-- The dashboard's spend per month and the expense totals read one
-- organization's lines by month; the existing indexes lead with the billing
-- account or the time of writing instead.
CREATE INDEX expense_line_month_idx ON expense_line (organization_id, month, currency);

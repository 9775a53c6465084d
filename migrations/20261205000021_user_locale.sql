-- The language a user last chose (the header's switcher) or signed in
-- with, so mails to them (order confirmations, course decisions, password
-- resets) arrive in it. Empty until then: mails fall back to the language
-- of the request that causes them.
ALTER TABLE app_user ADD COLUMN locale TEXT;

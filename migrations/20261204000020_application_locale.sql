-- The language the applicant used, so mails about the application reach
-- them in it. Numbered with a gap so a parallel branch's next migration
-- does not collide.
ALTER TABLE application ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';

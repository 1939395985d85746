-- Age checks the regulator counts as highly effective (issue 14, part 5): open banking and digital
-- identity apps confirm age after the person agrees on the provider's own screen. Keep which bank or
-- app confirmed it. Methods stay text; a debit card is refused before anything is stored.
ALTER TABLE age_verifications ADD COLUMN provider text;

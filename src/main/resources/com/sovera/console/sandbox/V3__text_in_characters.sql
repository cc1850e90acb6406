-- The contract counts text in characters (Unicode code points); H2's VARCHAR(n) counts UTF-16 units, and a
-- character outside the Basic Multilingual Plane (an emoji, a mathematical letter) takes two. Each column that
-- holds client text is widened to twice its limit in characters, so whatever the rule admits is stored.
-- email_key is the lower-cased e-mail: U+0130 lower-cases to two units, so it too needs twice the limit.
ALTER TABLE customers ALTER COLUMN email SET DATA TYPE VARCHAR(508);
ALTER TABLE customers ALTER COLUMN entity_name SET DATA TYPE VARCHAR(400);
ALTER TABLE users ALTER COLUMN email SET DATA TYPE VARCHAR(508);
ALTER TABLE users ALTER COLUMN email_key SET DATA TYPE VARCHAR(508);
ALTER TABLE users ALTER COLUMN first_name SET DATA TYPE VARCHAR(200);
ALTER TABLE users ALTER COLUMN last_name SET DATA TYPE VARCHAR(200);
ALTER TABLE wallets ALTER COLUMN name SET DATA TYPE VARCHAR(128);

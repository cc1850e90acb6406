-- The console sorts by a column and then by created_at the same way (so that rows neither repeat nor vanish
-- between pages, whatever a server does with ties): an order of two keys, which the single-key indexes of V6
-- cannot give without sorting every match (1 to 60 s for a middle page at a million). These are the console's
-- orders that no index gave yet: a filter of its Users, Wallets and Transactions screens with a sort of them.
CREATE INDEX users_status_last_created ON users (customer_pk, status, last_name, created_at, pk);
CREATE INDEX users_type_last_created ON users (customer_pk, user_type, last_name, created_at, pk);
CREATE INDEX users_country_last_created ON users (customer_pk, country, last_name, created_at, pk);
CREATE INDEX users_type_status_created ON users (customer_pk, user_type, status, created_at, pk);
CREATE INDEX users_country_status_created ON users (customer_pk, country, status, created_at, pk);
CREATE INDEX wallets_currency_name_created ON wallets (customer_pk, currency, name, created_at, pk);
CREATE INDEX wallets_status_name_created ON wallets (customer_pk, status, name, created_at, pk);
CREATE INDEX wallets_status_currency_created ON wallets (customer_pk, status, currency, created_at, pk);
CREATE INDEX transactions_amount_created ON transactions (customer_pk, amount, created_at, pk);
CREATE INDEX transactions_status_amount_created ON transactions (customer_pk, status, amount, created_at, pk);
CREATE INDEX transactions_currency_amount_created ON transactions (customer_pk, currency, amount, created_at, pk);

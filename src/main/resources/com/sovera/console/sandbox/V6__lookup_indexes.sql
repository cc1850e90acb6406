-- Every lookup at a million rows reads an index in its order instead of sorting: each sort has an index that
-- ends with its tie-breaker (pk), and each filter with many matches an index per sort, (owner, filter, sort, pk).
-- ListQuery.Spec names them (pairs); DemoData lists them for a bulk seed, which drops and builds them again.
CREATE INDEX users_status_sort ON users (customer_pk, status, pk);
CREATE INDEX users_status_email ON users (customer_pk, status, email_key);
CREATE INDEX users_status_last ON users (customer_pk, status, last_name, pk);
CREATE INDEX users_type_email ON users (customer_pk, user_type, email_key);
CREATE INDEX users_type_last ON users (customer_pk, user_type, last_name, pk);
CREATE INDEX users_type_status ON users (customer_pk, user_type, status, pk);
CREATE INDEX users_country_email ON users (customer_pk, country, email_key);
CREATE INDEX users_country_last ON users (customer_pk, country, last_name, pk);
CREATE INDEX users_country_status ON users (customer_pk, country, status, pk);
CREATE INDEX users_first_created ON users (customer_pk, first_name, created_at, pk);
CREATE INDEX users_first_email ON users (customer_pk, first_name, email_key);
CREATE INDEX users_first_last ON users (customer_pk, first_name, last_name, pk);
CREATE INDEX users_first_status ON users (customer_pk, first_name, status, pk);
CREATE INDEX users_last_created ON users (customer_pk, last_name, created_at, pk);
CREATE INDEX users_last_email ON users (customer_pk, last_name, email_key);
CREATE INDEX users_last_status ON users (customer_pk, last_name, status, pk);
CREATE INDEX wallets_status_created ON wallets (customer_pk, status, created_at, pk);
CREATE INDEX wallets_status_name ON wallets (customer_pk, status, name, pk);
CREATE INDEX wallets_status_currency ON wallets (customer_pk, status, currency, pk);
CREATE INDEX wallets_currency_created ON wallets (customer_pk, currency, created_at, pk);
CREATE INDEX wallets_currency_name ON wallets (customer_pk, currency, name, pk);
CREATE INDEX addresses_network_created ON addresses (customer_pk, network, created_at, pk);
CREATE INDEX addresses_currency_created ON addresses (customer_pk, currency, created_at, pk);
CREATE INDEX transactions_status_amount ON transactions (customer_pk, status, amount, pk);
CREATE INDEX transactions_currency_amount ON transactions (customer_pk, currency, amount, pk);

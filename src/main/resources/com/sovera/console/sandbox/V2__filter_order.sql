-- A filtered list is read in its default order (created_at, then pk) straight from the filter's index, instead
-- of sorting every matching row for each page: the filters with many matches end with created_at, pk.
DROP INDEX users_status;
CREATE INDEX users_status ON users (customer_pk, status, created_at, pk);
DROP INDEX users_type;
CREATE INDEX users_type ON users (customer_pk, user_type, created_at, pk);
DROP INDEX users_country;
CREATE INDEX users_country ON users (customer_pk, country, created_at, pk);

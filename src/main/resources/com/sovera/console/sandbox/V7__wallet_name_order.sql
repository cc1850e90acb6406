-- A wallet name is shared by many wallets (the seeded names by about 17,000 each at a million users): the name
-- filter with each other sort reads its own index in order, as status and currency do (V6), instead of sorting
-- every match for each page.
CREATE INDEX wallets_name_created ON wallets (customer_pk, name, created_at, pk);
CREATE INDEX wallets_name_currency ON wallets (customer_pk, name, currency, pk);

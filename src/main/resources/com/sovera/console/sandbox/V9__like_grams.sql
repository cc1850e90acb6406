-- A [like] on the users' e-mail or the addresses that cannot match is known without reading the table: each
-- three-character piece (gram) of the lower-cased text that some row holds, per owner and field, is a row here, and
-- a fragment with a piece no row holds matches nothing. Rows are only ever added (no list deletes a user or an
-- address, or changes its e-mail or address): every write path adds its row's pieces in the row's transaction
-- (LikeGrams); the rows that were there before this version are added when it is applied (Database.migrate).
CREATE TABLE like_grams (
    owner_pk BIGINT NOT NULL,
    field    VARCHAR(32) NOT NULL,
    gram     VARCHAR(6) NOT NULL,
    PRIMARY KEY (owner_pk, field, gram)
);

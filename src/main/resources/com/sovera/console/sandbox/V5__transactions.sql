-- Deposits and their confirmations (assumed endpoints of the contract). The sandbox simulates one chain clock:
-- chain_tip holds the height of its last simulated block; a deposit records the height it was made at, so its
-- confirmations are the blocks mined since. status and the wallets' balance (COMPLETED) and pending_balance
-- (PENDING) are kept as columns, moved together when a block completes a deposit, so lists filter and sort on them.
CREATE TABLE chain_tip (
    id     INT PRIMARY KEY,
    height BIGINT NOT NULL
);
INSERT INTO chain_tip (id, height) VALUES (1, 1000);

-- a balance is a sum of deposits of up to 20 integer digits each: room for many of them
ALTER TABLE wallets ALTER COLUMN balance SET DATA TYPE DECIMAL(64, 18);
ALTER TABLE wallets ADD COLUMN pending_balance DECIMAL(64, 18) DEFAULT 0 NOT NULL;

CREATE TABLE transactions (
    pk                     BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_pk            BIGINT NOT NULL,
    wallet_pk              BIGINT NOT NULL,
    wallet_id              CHAR(36) NOT NULL,
    transaction_id         CHAR(36) NOT NULL UNIQUE,
    address                VARCHAR(100) NOT NULL,
    address_key            VARCHAR(100) NOT NULL,
    currency               VARCHAR(8) NOT NULL,
    network                VARCHAR(32) NOT NULL,
    direction              VARCHAR(16) NOT NULL,
    amount                 DECIMAL(38, 18) NOT NULL,
    tx_hash                VARCHAR(66) NOT NULL,
    block_height           BIGINT NOT NULL,
    required_confirmations INT NOT NULL,
    status                 VARCHAR(16) NOT NULL,
    created_at             BIGINT NOT NULL,
    updated_at             BIGINT NOT NULL
);
CREATE INDEX transactions_created ON transactions (customer_pk, created_at, pk);
CREATE INDEX transactions_amount ON transactions (customer_pk, amount, pk);
CREATE INDEX transactions_hash ON transactions (customer_pk, tx_hash, pk);
CREATE INDEX transactions_address ON transactions (customer_pk, address_key, created_at, pk);
CREATE INDEX transactions_wallet ON transactions (customer_pk, wallet_id, created_at, pk);
CREATE INDEX transactions_status ON transactions (customer_pk, status, created_at, pk);
CREATE INDEX transactions_currency ON transactions (customer_pk, currency, created_at, pk);
CREATE INDEX transactions_pending ON transactions (status, block_height);
CREATE INDEX transactions_of_wallet ON transactions (wallet_pk, pk);

-- A database of an earlier console holds funded demo wallets without deposits: each gets one completed deposit
-- of its balance, to its first address, so that a balance is the sum of its completed deposits everywhere.
INSERT INTO transactions (customer_pk, wallet_pk, wallet_id, transaction_id, address, address_key, currency, network,
        direction, amount, tx_hash, block_height, required_confirmations, status, created_at, updated_at)
    SELECT w.customer_pk, w.pk, w.wallet_id, CAST(RANDOM_UUID() AS VARCHAR), a.address, a.address_key, w.currency,
        a.network, 'DEPOSIT', w.balance,
        CASE WHEN a.network LIKE 'ethereum%' THEN '0x' ELSE '' END
            || LOWER(RAWTOHEX(HASH('SHA-256', CAST(RANDOM_UUID() AS VARCHAR)))),
        0, CASE WHEN a.network LIKE 'ethereum%' THEN 12 ELSE 3 END, 'COMPLETED', a.created_at + 1000,
        a.created_at + 1000
    FROM wallets w JOIN addresses a ON a.pk = (SELECT MIN(pk) FROM addresses WHERE wallet_pk = w.pk)
    WHERE w.balance > 0;

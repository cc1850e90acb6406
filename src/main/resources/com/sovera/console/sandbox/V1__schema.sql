-- SovX sandbox schema, version 1. Times are epoch milliseconds (UTC). Every list the contract lets a client
-- filter or sort is scoped to its owner first, so each index leads with the owner's key and ends with pk,
-- the tie-breaker that keeps pages stable. ListQuery names these indexes in its hints: rename with care.
-- users, wallets and addresses carry no FOREIGN KEY on their owner: H2 would add a lone index on the owner
-- column for it, and its planner then prefers that index to the sorted ones and sorts a million rows. The
-- code resolves every owner before it inserts.

CREATE TABLE accounts (
    pk            BIGINT AUTO_INCREMENT PRIMARY KEY,
    email_key     VARCHAR(254) NOT NULL UNIQUE,
    email         VARCHAR(254) NOT NULL,
    password_hash VARCHAR(200) NOT NULL,
    created_at    BIGINT NOT NULL
);

CREATE TABLE sessions (
    token_hash CHAR(64) PRIMARY KEY,
    account_pk BIGINT NOT NULL REFERENCES accounts (pk),
    expires_at BIGINT NOT NULL,
    revoked    BOOLEAN DEFAULT FALSE NOT NULL
);

CREATE TABLE customers (
    pk          BIGINT AUTO_INCREMENT PRIMARY KEY,
    account_pk  BIGINT NOT NULL REFERENCES accounts (pk),
    customer_id VARCHAR(63) NOT NULL UNIQUE,
    email       VARCHAR(254) NOT NULL,
    entity_name VARCHAR(200) NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX customers_created ON customers (account_pk, created_at, pk);
CREATE INDEX customers_id ON customers (account_pk, customer_id, pk);
CREATE INDEX customers_entity ON customers (account_pk, entity_name, pk);
CREATE INDEX customers_email ON customers (account_pk, email, pk);

CREATE TABLE api_keys (
    key_hash    CHAR(64) PRIMARY KEY,
    customer_pk BIGINT NOT NULL REFERENCES customers (pk),
    created_at  BIGINT NOT NULL
);

CREATE TABLE users (
    pk            BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_pk   BIGINT NOT NULL,
    user_id       CHAR(36) NOT NULL UNIQUE,
    email         VARCHAR(254) NOT NULL,
    email_key     VARCHAR(254) NOT NULL,
    user_type     VARCHAR(16) NOT NULL,
    status        VARCHAR(16) NOT NULL,
    first_name    VARCHAR(100) NOT NULL,
    last_name     VARCHAR(100) NOT NULL,
    phone         VARCHAR(16) NOT NULL,
    date_of_birth DATE NOT NULL,
    country       CHAR(2) NOT NULL,
    created_at    BIGINT NOT NULL,
    updated_at    BIGINT NOT NULL
);
CREATE UNIQUE INDEX users_email ON users (customer_pk, email_key);
CREATE INDEX users_created ON users (customer_pk, created_at, pk);
CREATE INDEX users_last_name ON users (customer_pk, last_name, pk);
CREATE INDEX users_first_name ON users (customer_pk, first_name, pk);
CREATE INDEX users_status ON users (customer_pk, status, pk);
CREATE INDEX users_type ON users (customer_pk, user_type, pk);
CREATE INDEX users_country ON users (customer_pk, country, pk);

CREATE TABLE wallets (
    pk          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_pk BIGINT NOT NULL,
    user_pk     BIGINT NOT NULL,
    user_id     CHAR(36) NOT NULL,
    wallet_id   CHAR(36) NOT NULL UNIQUE,
    name        VARCHAR(64) NOT NULL,
    currency    VARCHAR(8) NOT NULL,
    status      VARCHAR(16) NOT NULL,
    balance     DECIMAL(38, 18) NOT NULL,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX wallets_created ON wallets (customer_pk, created_at, pk);
CREATE INDEX wallets_user ON wallets (customer_pk, user_id, pk);
CREATE INDEX wallets_name ON wallets (customer_pk, name, pk);
CREATE INDEX wallets_currency ON wallets (customer_pk, currency, pk);
CREATE INDEX wallets_status ON wallets (customer_pk, status, pk);
CREATE INDEX wallets_of_user ON wallets (user_pk, pk);

CREATE TABLE addresses (
    pk          BIGINT AUTO_INCREMENT PRIMARY KEY,
    customer_pk BIGINT NOT NULL,
    wallet_pk   BIGINT NOT NULL,
    wallet_id   CHAR(36) NOT NULL,
    address_id  CHAR(36) NOT NULL UNIQUE,
    currency    VARCHAR(8) NOT NULL,
    network     VARCHAR(32) NOT NULL,
    address     VARCHAR(100) NOT NULL,
    address_key VARCHAR(100) NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX addresses_created ON addresses (customer_pk, created_at, pk);
CREATE INDEX addresses_wallet ON addresses (customer_pk, wallet_id, pk);
CREATE INDEX addresses_address ON addresses (customer_pk, address_key, pk);
CREATE INDEX addresses_network ON addresses (customer_pk, network, pk);
CREATE INDEX addresses_currency ON addresses (customer_pk, currency, pk);

CREATE TABLE user_tokens (
    token_hash  CHAR(64) PRIMARY KEY,
    customer_pk BIGINT NOT NULL REFERENCES customers (pk),
    user_pk     BIGINT NOT NULL,
    expires_at  BIGINT NOT NULL
);

CREATE TABLE idempotency (
    scope        CHAR(64) NOT NULL,
    idem_key     VARCHAR(255) NOT NULL,
    request_hash CHAR(64) NOT NULL,
    status       INT NOT NULL,
    body         CLOB NOT NULL,
    created_at   BIGINT NOT NULL,
    PRIMARY KEY (scope, idem_key)
);
CREATE INDEX idempotency_created ON idempotency (created_at);

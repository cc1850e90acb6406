package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sandbox database made by an earlier console (schema version 2) opens in this one: its text columns hold
 * text of 4-byte characters up to the limits, and its owner keys keep working and can be listed and revoked.
 */
class SchemaUpgradeTest {

    @Test
    void aVersionTwoDatabaseIsUpgradedAndItsKeysKeepWorking(@TempDir Path dir) throws Exception {
        String oldKey = "OldKeyOldKeyOldKeyOldKeyOldKey12";
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("sandbox"), "sovx", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            for (String script : new String[] {"V1__schema.sql", "V2__filter_order.sql"}) {
                for (String statement : read(script).split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            s.execute("INSERT INTO schema_version (version) VALUES (1), (2)");
            s.execute("INSERT INTO accounts (email_key, email, password_hash, created_at) VALUES ('old@x.test',"
                    + " 'old@x.test', '" + Secrets.hashPassword("old-password", 1_000) + "', 0)");
            s.execute("INSERT INTO customers (account_pk, customer_id, email, entity_name, created_at, updated_at)"
                    + " VALUES (1, 'old-customer', 'ops@old.example', 'Old Ltd', 0, 0)");
            s.execute("INSERT INTO api_keys (key_hash, customer_pk, created_at) VALUES ('" + Secrets.hash(oldKey)
                    + "', 1, 0)");
        }
        try (Sandbox sandbox = new Sandbox(SandboxConfig.stored(dir).withDemoUsers(0))) {
            assertThat(sandbox.send("GET", "/users", null, "x-api-key", oldKey).statusCode()).isEqualTo(200);
            String bold = "\uD835\uDC1A".repeat(100);
            assertThat(sandbox.send("POST", "/users", "{\"user_type\":\"individual\",\"email\":\"u@old.example\","
                    + "\"first_name\":\"" + bold + "\",\"last_name\":\"" + bold + "\",\"phone\":\"+15551234567\","
                    + "\"date_of_birth\":\"1990-01-01\",\"country\":\"US\"}", "x-api-key", oldKey,
                    "Content-Type", "application/json").statusCode()).isEqualTo(201);
            String session = sandbox.send("POST", "/auth/login", "{\"email\":\"old@x.test\",\"password\":"
                    + "\"old-password\"}", "Content-Type", "application/json").body()
                    .replaceFirst(".*\"token\":\"([^\"]+)\".*", "$1");
            String listed = sandbox.send("GET", "/customers/old-customer/credentials", null, "Authorization",
                    "Bearer " + session).body();
            assertThat(listed).contains("\"total\":1").doesNotContain("last_four");
            String keyId = listed.replaceFirst(".*\"key_id\":\"([^\"]+)\".*", "$1");
            assertThat(sandbox.send("DELETE", "/customers/old-customer/credentials/" + keyId, null, "Authorization",
                    "Bearer " + session).statusCode()).isEqualTo(200);
            assertThat(sandbox.send("GET", "/users", null, "x-api-key", oldKey).statusCode()).isEqualTo(401);
        }
    }

    private static String read(String script) throws Exception {
        try (InputStream in = Database.class.getResourceAsStream(script)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        }
    }

    @Test
    void aVersionFourDatabasesFundedWalletsGetTheCompletedDepositsTheirBalancesAreMadeOf(@TempDir Path dir)
            throws Exception {
        String key = "FourKeyFourKeyFourKeyFourKeyFour";
        String walletId = "0b9d3f3e-1f7a-4c55-9a4e-2f0c1d7e8a90";
        String address = "tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx";
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("sandbox"), "sovx", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE schema_version (version INT NOT NULL)");
            for (String script : new String[] {"V1__schema.sql", "V2__filter_order.sql", "V3__text_in_characters.sql",
                "V4__owner_key_records.sql"}) {
                for (String statement : read(script).split(";\\s*\\n")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
            s.execute("INSERT INTO schema_version (version) VALUES (1), (2), (3), (4)");
            s.execute("INSERT INTO accounts (email_key, email, password_hash, created_at) VALUES ('four@x.test',"
                    + " 'four@x.test', 'x', 0)");
            s.execute("INSERT INTO customers (account_pk, customer_id, email, entity_name, created_at, updated_at)"
                    + " VALUES (1, 'four-customer', 'ops@four.example', 'Four Ltd', 0, 0)");
            s.execute("INSERT INTO api_keys (key_hash, customer_pk, created_at, key_id) VALUES ('" + Secrets.hash(key)
                    + "', 1, 0, 'k-1')");
            s.execute("INSERT INTO users (customer_pk, user_id, email, email_key, user_type, status, first_name,"
                    + " last_name, phone, date_of_birth, country, created_at, updated_at) VALUES (1,"
                    + " 'f4057807-52cf-4083-9ecb-283ef354fb2b', 'u@four.example', 'u@four.example', 'individual',"
                    + " 'ACTIVE', 'U', 'F', '+15551234567', DATE '1990-01-01', 'US', 0, 0)");
            s.execute("INSERT INTO wallets (customer_pk, user_pk, user_id, wallet_id, name, currency, status, balance,"
                    + " created_at, updated_at) VALUES (1, 1, 'f4057807-52cf-4083-9ecb-283ef354fb2b', '" + walletId
                    + "', 'Funded', 'BTC', 'ACTIVE', 1.25000000, 0, 0)");
            s.execute("INSERT INTO addresses (customer_pk, wallet_pk, wallet_id, address_id, currency, network, address,"
                    + " address_key, created_at) VALUES (1, 1, '" + walletId + "', 'a5e0c7a2-8d1b-4f3e-9c6a-1b2c3d4e5f60',"
                    + " 'BTC', 'bitcoin-testnet', '" + address + "', '" + address + "', 1000)");
        }
        try (Sandbox sandbox = new Sandbox(SandboxConfig.stored(dir).withDemoUsers(0))) {
            String deposits = sandbox.send("GET", "/wallets/" + walletId + "/transactions", null, "x-api-key", key)
                    .body();
            assertThat(deposits).contains("\"total\":1").contains("\"amount\":\"1.25\"")
                    .contains("\"status\":\"COMPLETED\"").contains("\"address\":\"" + address + "\"")
                    .containsPattern("\"tx_hash\":\"[0-9a-f]{64}\"");
            String wallet = sandbox.send("GET", "/wallets/" + walletId, null, "x-api-key", key).body();
            assertThat(wallet).contains("\"balance\":\"1.25\"").contains("\"pending_balance\":\"0\"");
        }
    }
}

package com.sovera.console.sandbox;

import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.chain.Network;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** Deposit addresses of the owner key's customer. */
final class Addresses {

    static final Map<String, List<Network>> NETWORKS = Map.of(
            "BTC", List.of(Network.BITCOIN, Network.BITCOIN_TESTNET),
            "ETH", List.of(Network.ETHEREUM, Network.ETHEREUM_SEPOLIA),
            "USDC", List.of(Network.ETHEREUM, Network.ETHEREUM_SEPOLIA));
    static final ListQuery.Spec LIST = new ListQuery.Spec("addresses", "customer_pk",
            Map.of("address", ListQuery.Field.lower("address_key", "addresses_address"),
                    "wallet_id", ListQuery.Field.lower("wallet_id", "addresses_wallet"),
                    "network", ListQuery.Field.lower("network", "addresses_network"),
                    "currency", ListQuery.Field.upper("currency", "addresses_currency")),
            Map.of("address", "address_key"),
            Map.of("created_at", ListQuery.SortKey.of("created_at", "addresses_created")),
            Map.of("network/created_at", "addresses_network_created",
                    "currency/created_at", "addresses_currency_created"));
    static final String COLUMNS = "address_id, wallet_id, currency, network, address, created_at";

    private final Database db;
    private final Clock clock;
    private final AddressFactory factory;

    Addresses(Database db, Clock clock, AddressFactory factory) {
        this.db = db;
        this.clock = clock;
        this.factory = factory;
    }

    Reply create(SandboxRequest r) throws SQLException {
        String walletId = Fields.uuid(r.param("wallet_id"), "wallet " + r.param("wallet_id"));
        long customerPk = r.principal.customerPk();
        try (Connection c = db.connection()) {
            long walletPk;
            String walletCurrency;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT pk, currency FROM wallets WHERE customer_pk = ? AND wallet_id = ?")) {
                ps.setLong(1, customerPk);
                ps.setString(2, walletId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw SandboxError.notFound("wallet " + walletId);
                    }
                    walletPk = rs.getLong(1);
                    walletCurrency = rs.getString(2);
                }
            }
            String currency = Fields.text(r.body, "currency", 16);
            if (!currency.equalsIgnoreCase(walletCurrency)) {
                throw new SandboxError(400, "CURRENCY_MISMATCH", "currency " + currency.toUpperCase(Locale.ROOT)
                        + " does not match the wallet's currency " + walletCurrency, "currency");
            }
            String networkName = Fields.text(r.body, "network", 32);
            List<Network> allowed = NETWORKS.get(walletCurrency);
            Network network = Network.byId(networkName).filter(allowed::contains).orElseThrow(() ->
                    new SandboxError(400, "UNSUPPORTED_NETWORK", "network must be one of " + allowed
                            + " for " + walletCurrency, "network"));
            if (!network.isTestnet()) {
                throw new SandboxError(400, "NETWORK_NOT_AVAILABLE", network.id() + " is not available in the"
                        + " sandbox: it issues test-network addresses only, so that no real funds can be sent",
                        "network");
            }
            DepositAddress address = new DepositAddress(UUID.randomUUID().toString(), walletId, walletCurrency,
                    network.id(), factory.newAddress(network), Sql.instant(clock.millis()));
            Sql.inOneTransaction(c, () -> {
                try (PreparedStatement ps = c.prepareStatement(INSERT)) {
                    bind(ps, customerPk, walletPk, address);
                    ps.executeUpdate();
                }
                LikeGrams.add(c, customerPk, "addresses", "address",
                        List.of(address.address().toLowerCase(Locale.ROOT)));
            });
            db.changed("addresses", customerPk);
            return Reply.created(address);
        }
    }

    static final String INSERT = "INSERT INTO addresses (customer_pk, wallet_pk, wallet_id, address_id, currency,"
            + " network, address, address_key, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";

    static void bind(PreparedStatement ps, long customerPk, long walletPk, DepositAddress a) throws SQLException {
        ps.setLong(1, customerPk);
        ps.setLong(2, walletPk);
        ps.setString(3, a.walletId());
        ps.setString(4, a.addressId());
        ps.setString(5, a.currency());
        ps.setString(6, a.network());
        ps.setString(7, a.address());
        ps.setString(8, a.address().toLowerCase(Locale.ROOT));
        ps.setLong(9, a.createdAt().toEpochMilli());
    }

    Reply list(SandboxRequest r) throws SQLException {
        ListQuery query = ListQuery.parse(LIST, r.query);
        try (Connection c = db.connection()) {
            return query.run(c, db, r.principal.customerPk(), COLUMNS, Addresses::read);
        }
    }

    Reply listOfWallet(SandboxRequest r) throws SQLException {
        String walletId = Fields.uuid(r.param("wallet_id"), "wallet " + r.param("wallet_id"));
        ListQuery query = ListQuery.parse(LIST, r.query);
        try (Connection c = db.connection()) {
            Wallets.requireHeld(c, r.principal.customerPk(), walletId);
            return query.and("wallet_id", walletId).run(c, db, r.principal.customerPk(), COLUMNS, Addresses::read);
        }
    }

    private static DepositAddress read(ResultSet rs) throws SQLException {
        return new DepositAddress(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), Sql.instant(rs.getLong(6)));
    }
}

package com.sovera.console.bulk;

import com.sovera.console.chain.Asset;
import com.sovera.console.chain.Network;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** One wallet a row asks for: its currency and the network of its deposit address. */
public record WalletRequest(String currency, Network network) {

    /** What SovX offers: each currency and the networks its addresses can be on (the contract's table). */
    /** The cell's wallets, or the first thing wrong with it. */
    public record Parsed(List<WalletRequest> wallets, String error) {
    }

    /**
     * Reads a {@code wallets} cell: {@code CURRENCY} or {@code CURRENCY:network}, separated by {@code ;}. A bare
     * currency means its test network on a sandbox and is an error elsewhere; on a sandbox a main network is an
     * error, since a sandbox issues test-network addresses only. Each currency at most once (one wallet each).
     */
    public static Parsed parse(String cell, boolean sandbox) {
        List<WalletRequest> wallets = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (cell == null || cell.isBlank()) {
            return new Parsed(List.of(), null);
        }
        for (String part : cell.split(";", -1)) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue; // "BTC;" from a spreadsheet
            }
            int colon = item.indexOf(':');
            String currency = (colon < 0 ? item : item.substring(0, colon)).strip().toUpperCase(Locale.ROOT);
            String networkName = colon < 0 ? null : item.substring(colon + 1).strip();
            Optional<Asset> asset = Asset.byCode(currency);
            if (asset.isEmpty()) {
                return error("Unknown currency '" + shorten(currency) + "': BTC, ETH or USDC.");
            }
            // where chain offers it, main network first (the order of Network)
            List<Network> offered = Arrays.stream(Network.values()).filter(asset.get()::isOfferedOn).toList();
            if (!seen.add(currency)) {
                return error(currency + " is listed twice: one wallet per currency.");
            }
            Network network;
            if (networkName == null || networkName.isEmpty()) {
                if (!sandbox) {
                    return error(currency + " names no network: outside a sandbox write it with one, such as "
                            + currency + ":" + offered.get(0).id() + ".");
                }
                network = offered.stream().filter(Network::isTestnet).findFirst().orElseThrow();
            } else {
                var known = Network.byId(networkName);
                if (known.isEmpty()) {
                    return error("Unknown network '" + shorten(networkName) + "' for " + currency + ": "
                            + names(offered) + ".");
                }
                if (!offered.contains(known.get())) {
                    return error(currency + " is not offered on " + known.get().id() + ": " + names(offered) + ".");
                }
                network = known.get();
                if (sandbox && !network.isTestnet()) {
                    return error(network.id() + " is a main network: a sandbox issues test-network addresses only ("
                            + currency + ":" + offered.stream().filter(Network::isTestnet).findFirst().orElseThrow()
                            .id() + ").");
                }
            }
            wallets.add(new WalletRequest(currency, network));
        }
        return new Parsed(List.copyOf(wallets), null);
    }

    private static Parsed error(String message) {
        return new Parsed(List.of(), message);
    }

    private static String names(List<Network> networks) {
        return String.join(" or ", networks.stream().map(Network::id).toList());
    }

    private static String shorten(String s) {
        return s.length() > 30 ? s.substring(0, 30) + "…" : s;
    }

    /** As the template writes it: {@code BTC:bitcoin-testnet}. */
    @Override
    public String toString() {
        return currency + ":" + network.id();
    }
}

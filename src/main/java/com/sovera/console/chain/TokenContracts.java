package com.sovera.console.chain;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one table of ERC-20 token contracts per network: where a token deposit is paid. A token on a network that
 * has no row here is not offered there.
 */
public final class TokenContracts {

    /*
     * Source: Circle, "USDC contract addresses" (developers.circle.com/stablecoins/usdc-contract-addresses):
     * Ethereum mainnet (chain 1) FiatTokenProxy, and Circle's testnet USDC on Ethereum Sepolia (chain 11155111).
     * Written in their EIP-55 form; DepositUriTest checks each checksum.
     */
    private static final Map<Asset, Map<Network, String>> TABLE = Map.of(
            Asset.USDC, Map.of(
                    Network.ETHEREUM, "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48",
                    Network.ETHEREUM_SEPOLIA, "0x1c7D4B196Cb0C7B01d743Fbc6116a902379C7238"));

    private TokenContracts() {
    }

    /** The contract of this token on this network; empty for a native coin or a network the token is not on. */
    public static Optional<String> contract(Asset asset, Network network) {
        return Optional.ofNullable(TABLE.getOrDefault(asset, Map.of()).get(network));
    }

    /** The token whose contract on this network is this address (compared without case); empty if none. */
    public static Optional<Asset> tokenAt(Network network, String contract) {
        if (contract == null) {
            return Optional.empty();
        }
        String wanted = contract.toLowerCase(Locale.ROOT);
        return TABLE.entrySet().stream()
                .filter(e -> wanted.equals(Optional.ofNullable(e.getValue().get(network))
                        .map(c -> c.toLowerCase(Locale.ROOT)).orElse(null)))
                .map(Map.Entry::getKey).findFirst();
    }
}

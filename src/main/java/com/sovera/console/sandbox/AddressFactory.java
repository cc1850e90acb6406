package com.sovera.console.sandbox;

import com.sovera.console.chain.Eip55;
import com.sovera.console.chain.Network;
import com.sovera.console.chain.SegwitAddress;
import java.util.function.IntFunction;

/**
 * Makes addresses for the test networks: a P2WPKH {@code tb1q...} for bitcoin-testnet, an EIP-55 {@code 0x...}
 * for ethereum-sepolia. The sandbox holds no keys: these addresses only look and check like real ones, so
 * nobody can fund them meaningfully, and main networks are refused before this is reached.
 */
final class AddressFactory {

    private final IntFunction<byte[]> randomBytes;

    AddressFactory(IntFunction<byte[]> randomBytes) {
        this.randomBytes = randomBytes;
    }

    String newAddress(Network network) {
        if (!network.isTestnet()) {
            throw new IllegalArgumentException("the sandbox issues test-network addresses only");
        }
        byte[] hash = randomBytes.apply(20);
        return switch (network.family()) {
            case BITCOIN -> SegwitAddress.encode(network.hrp(), 0, hash);
            case ETHEREUM -> Eip55.encode(hash);
        };
    }
}

package com.sovera.console.chain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The networks SovX names in its contract, with what it takes to recognise and pay their addresses. */
public enum Network {
    BITCOIN("bitcoin", "Bitcoin mainnet", Family.BITCOIN, false, "bc", 0x00, 0x05, 0),
    BITCOIN_TESTNET("bitcoin-testnet", "Bitcoin testnet", Family.BITCOIN, true, "tb", 0x6f, 0xc4, 0),
    ETHEREUM("ethereum", "Ethereum mainnet", Family.ETHEREUM, false, null, -1, -1, 1),
    ETHEREUM_SEPOLIA("ethereum-sepolia", "Ethereum Sepolia", Family.ETHEREUM, true, null, -1, -1, 11155111);

    /** Networks that share an address format. */
    public enum Family { BITCOIN, ETHEREUM }

    private final String id;
    private final String displayName;
    private final Family family;
    private final boolean testnet;
    private final String hrp;
    private final int p2pkhVersion;
    private final int p2shVersion;
    private final long chainId;

    Network(String id, String displayName, Family family, boolean testnet, String hrp, int p2pkh, int p2sh,
            long chainId) {
        this.id = id;
        this.displayName = displayName;
        this.family = family;
        this.testnet = testnet;
        this.hrp = hrp;
        this.p2pkhVersion = p2pkh;
        this.p2shVersion = p2sh;
        this.chainId = chainId;
    }

    /** The contract's name, e.g. {@code bitcoin-testnet}. */
    public String id() {
        return id;
    }

    /** The name an operator reads out, e.g. "Ethereum Sepolia". */
    public String displayName() {
        return displayName;
    }

    public Family family() {
        return family;
    }

    /** True for networks whose coins have no value. */
    public boolean isTestnet() {
        return testnet;
    }

    /** Bech32 human-readable part; null for Ethereum networks. */
    public String hrp() {
        return hrp;
    }

    int p2pkhVersion() {
        return p2pkhVersion;
    }

    int p2shVersion() {
        return p2shVersion;
    }

    /** EIP-155 chain id; 0 for Bitcoin networks. */
    public long chainId() {
        return chainId;
    }

    /** The network with the contract's name, case-insensitively. */
    public static Optional<Network> byId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(n -> n.id.equals(wanted)).findFirst();
    }

    @Override
    public String toString() {
        return id;
    }
}

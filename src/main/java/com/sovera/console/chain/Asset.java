package com.sovera.console.chain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The currencies SovX deposits take, and how each is paid on a network: as its native coin or as a token. */
public enum Asset {
    BTC("BTC", Network.Family.BITCOIN, 8),
    ETH("ETH", Network.Family.ETHEREUM, 18),
    /** An ERC-20 token: paid by calling its contract (see {@link TokenContracts}), never as ether. */
    USDC("USDC (ERC-20)", null, 6);

    private final String label;
    private final Network.Family nativeFamily;
    private final int decimals;

    Asset(String label, Network.Family nativeFamily, int decimals) {
        this.label = label;
        this.nativeFamily = nativeFamily;
        this.decimals = decimals;
    }

    /** The decimals of its smallest unit: satoshi (8), wei (18), USDC's base unit (6). */
    public int decimals() {
        return decimals;
    }

    /** An amount of this asset in its smallest unit, exactly; refused when it has more decimals than that unit. */
    public java.math.BigInteger baseUnits(java.math.BigDecimal amount) {
        return amount.movePointRight(decimals).toBigIntegerExact();
    }

    /** The asset with the contract's currency code, case-insensitively ("btc" is BTC). */
    public static Optional<Asset> byCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(a -> a.name().equals(wanted)).findFirst();
    }

    /** The currency code, e.g. {@code USDC}. */
    public String code() {
        return name();
    }

    /** How an operator names it: the code, and for a token its standard, e.g. "USDC (ERC-20)". */
    public String label() {
        return label;
    }

    /** True when this asset is the network's own coin (BTC on Bitcoin, ETH on Ethereum). */
    public boolean isNativeOn(Network network) {
        return network.family() == nativeFamily;
    }

    /** True when a deposit of this asset can be received on this network, natively or through a known contract. */
    public boolean isOfferedOn(Network network) {
        return isNativeOn(network) || TokenContracts.contract(this, network).isPresent();
    }

    /** The line that tells a customer what to send where: "USDC (ERC-20) on Ethereum Sepolia. Send only USDC...". */
    public String depositInstruction(Network network) {
        return label + " on " + network.displayName() + ". Send only " + code() + " on this network.";
    }

    /** The warning for a test network ("... has no value"); empty on a main network. */
    public String testnetWarning(Network network) {
        return network.isTestnet()
                ? "Test network: " + code() + " sent here has no value. Never send real " + code() + "."
                : "";
    }
}

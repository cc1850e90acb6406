package com.sovera.console.chain;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Payment URIs for QR codes: BIP-21/BIP-321 {@code bitcoin:} and ERC-681 {@code ethereum:}. */
public final class PaymentUri {

    private PaymentUri() {
    }

    /**
     * The URI for a deposit of {@code currency} (BTC, ETH, USDC) to this address on this network: what every QR
     * code, copied payment link and CSV {@code payment_uri} of the console says. The one place that decides it.
     */
    public static String forDeposit(String currency, Network network, String address) {
        return of(address, network, null);
    }

    /**
     * The URI a wallet scanning a QR code should see for a deposit to this address. The address is verified
     * first, so an invalid address never becomes a payable code.
     *
     * @param amount optional requested amount in the network's main unit (BTC or ETH); null for none
     */
    public static String of(String address, Network network, BigDecimal amount) {
        Addresses.verify(address, network);
        return switch (network.family()) {
            case BITCOIN -> bitcoin(address, amount);
            case ETHEREUM -> ethereum(address, network, amount);
        };
    }

    private static String bitcoin(String address, BigDecimal amount) {
        // BIP-173: bech32 upper-cased fits QR alphanumeric mode; base58 is case-sensitive and stays as it is.
        boolean bech32 = Character.isLetter(address.charAt(0)) && address.toLowerCase(Locale.ROOT).matches("^(bc|tb)1.*");
        String uri = bech32 ? "BITCOIN:" + address.toUpperCase(Locale.ROOT) : "bitcoin:" + address;
        if (amount != null) {
            // Lower-case key: every BIP-21 wallet reads it; BIP-321 allows either.
            uri += "?amount=" + plain(amount, 8);
        }
        return uri;
    }

    private static String ethereum(String address, Network network, BigDecimal amount) {
        String uri = "ethereum:" + address + "@" + network.chainId();
        if (amount != null) {
            // ERC-681 values are integers in wei.
            uri += "?value=" + plain(amount.movePointRight(18), 0);
        }
        return uri;
    }

    private static String plain(BigDecimal amount, int maxScale) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("an amount cannot be negative");
        }
        if (amount.stripTrailingZeros().scale() > maxScale) {
            throw new IllegalArgumentException("an amount has at most " + maxScale + " decimals here");
        }
        return URLEncoder.encode(amount.stripTrailingZeros().toPlainString(), StandardCharsets.UTF_8);
    }
}

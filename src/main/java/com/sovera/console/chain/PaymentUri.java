package com.sovera.console.chain;

import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/** Payment URIs for QR codes: BIP-21/BIP-321 {@code bitcoin:} and ERC-681 {@code ethereum:}. */
public final class PaymentUri {

    private PaymentUri() {
    }

    /**
     * The URI for a deposit of {@code currency} (BTC, ETH, USDC) to this address on this network: what every QR
     * code, copied payment link and CSV {@code payment_uri} of the console says. The one place that decides it.
     * A native coin is paid natively (BIP-21, ERC-681 with a chain); a token is an ERC-681 call of its contract's
     * {@code transfer}, so that a wallet offers the token and never ether.
     *
     * @throws UnsupportedAssetException when the currency is not offered on the network
     * @throws AddressFormatException when the address is not valid for the network
     */
    public static String forDeposit(String currency, Network network, String address) {
        return forDeposit(currency, network, address, null);
    }

    /**
     * The same, asking for {@code amount} of the currency (null for no amount): BIP-21 {@code amount=} in BTC,
     * ERC-681 {@code value=} in wei for ether, {@code uint256=} in the token's base units for a token, each
     * written as a plain number.
     *
     * @throws IllegalArgumentException when the amount is not above zero or has more decimals than the asset
     */
    public static String forDeposit(String currency, Network network, String address, BigDecimal amount) {
        Asset asset = offered(currency, network);
        if (amount != null) {
            checkAmount(asset, amount);
        }
        if (asset.isNativeOn(network)) {
            return of(address, network, amount);
        }
        Addresses.verify(address, network);
        String contract = TokenContracts.contract(asset, network).orElseThrow();
        return "ethereum:" + contract + "@" + network.chainId() + "/transfer?address=" + address
                + (amount == null ? "" : "&uint256=" + asset.baseUnits(amount));
    }

    private static void checkAmount(Asset asset, BigDecimal amount) {
        if (amount.signum() <= 0) {
            throw new IllegalArgumentException("an amount to request is above zero");
        }
        if (amount.stripTrailingZeros().scale() > asset.decimals()) {
            throw new IllegalArgumentException(asset.code() + " has at most " + asset.decimals() + " decimals");
        }
    }

    /**
     * Why this URI does not ask a wallet for exactly this deposit (this asset, on this chain, to this address),
     * as a phrase starting with "it"; empty when it does. Used on what a rendered QR code decodes to.
     */
    public static Optional<String> mismatch(String uri, String currency, Network network, String address) {
        return mismatch(uri, currency, network, address, null);
    }

    /**
     * The same, and it must ask for exactly {@code amount} of the asset (null: for no amount at all), whatever
     * way it writes the number ({@code 2.014e18} wei is 2.014 ETH).
     */
    public static Optional<String> mismatch(String uri, String currency, Network network, String address,
                                            BigDecimal amount) {
        Optional<String> why = mismatchIgnoringAmount(uri, currency, network, address);
        return why.isPresent() ? why : amountMismatch(uri, offered(currency, network), network, amount);
    }

    private static Optional<String> amountMismatch(String uri, Asset asset, Network network, BigDecimal amount) {
        String key;
        Optional<BigDecimal> asked;
        if (network.family() == Network.Family.BITCOIN) {
            key = "amount";
            Optional<String> text;
            try {
                text = bitcoinParameter(uri, key);
            } catch (AddressFormatException e) {
                return Optional.of("it " + e.getMessage());
            }
            if (text.isPresent() && !text.get().matches("[0-9]*(\\.[0-9]*)?|")) {
                return Optional.of("it asks for an amount that is not a BIP-21 number: '" + text.get() + "'");
            }
            asked = text.filter(t -> t.matches(".*[0-9].*")).map(BigDecimal::new);
            if (text.isPresent() && asked.isEmpty()) {
                return Optional.of("it asks for an amount that is not a BIP-21 number: '" + text.get() + "'");
            }
        } else {
            Erc681.Request request = Erc681.parse(uri);
            key = asset.isNativeOn(network) ? "value" : "uint256";
            if (!asset.isNativeOn(network) && request.parameter("value").isPresent()) {
                return Optional.of("it also asks for ether (value=" + request.parameter("value").get() + ")");
            }
            Optional<String> text = request.parameter(key);
            if (text.isPresent() && Erc681.wholeNumber(text.get()).isEmpty()) {
                return Optional.of("it asks for " + key + "=" + text.get() + ", not a whole number of base units");
            }
            asked = text.flatMap(Erc681::wholeNumber).map(units -> new BigDecimal(units, asset.decimals()));
        }
        if (amount == null) {
            return asked.map(a -> "it asks for " + a.stripTrailingZeros().toPlainString() + " " + asset.code()
                    + ", but no amount was requested");
        }
        if (asked.isEmpty()) {
            return Optional.of("it asks for no amount, expected " + amount.stripTrailingZeros().toPlainString() + " "
                    + asset.code());
        }
        return asked.get().compareTo(amount) == 0 ? Optional.empty()
                : Optional.of("it asks for " + asked.get().stripTrailingZeros().toPlainString() + " " + asset.code()
                        + ", not " + amount.stripTrailingZeros().toPlainString() + " " + asset.code());
    }

    /** A parameter of a {@code bitcoin:} URI; refused when it appears twice (BIP-321: the request means nothing). */
    private static Optional<String> bitcoinParameter(String uri, String key) {
        int query = uri.indexOf('?');
        if (query < 0) {
            return Optional.empty();
        }
        String found = null;
        for (String pair : uri.substring(query + 1).split("&", -1)) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equalsIgnoreCase(key)) {
                if (found != null) {
                    throw new AddressFormatException("names '" + key + "' twice");
                }
                found = pair.substring(eq + 1);
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<String> mismatchIgnoringAmount(String uri, String currency, Network network,
                                                           String address) {
        Asset asset = offered(currency, network);
        if (address == null || address.isBlank()) {
            throw new AddressFormatException("The address is empty.");
        }
        if (uri == null) {
            return Optional.of("it could not be read");
        }
        return switch (network.family()) {
            case BITCOIN -> bitcoinMismatch(uri, address);
            case ETHEREUM -> ethereumMismatch(uri, asset, network, address);
        };
    }

    private static Asset offered(String currency, Network network) {
        Asset asset = Asset.byCode(currency).orElseThrow(() -> new UnsupportedAssetException(
                "'" + currency + "' is not a currency the console can take deposits in"));
        if (!asset.isOfferedOn(network)) {
            throw new UnsupportedAssetException(asset.code() + " cannot be received on " + network.id());
        }
        return asset;
    }

    private static Optional<String> bitcoinMismatch(String uri, String address) {
        if (!uri.regionMatches(true, 0, "bitcoin:", 0, "bitcoin:".length())) {
            return Optional.of("it is not a bitcoin: payment request");
        }
        int query = uri.indexOf('?');
        String payee = uri.substring("bitcoin:".length(), query < 0 ? uri.length() : query);
        // bech32 is case-insensitive (and upper-cased in a QR code); base58 is not
        boolean same = isBech32(address) ? payee.equalsIgnoreCase(address) : payee.equals(address);
        return same ? Optional.empty() : Optional.of("it pays " + payee + ", not the deposit address");
    }

    private static Optional<String> ethereumMismatch(String uri, Asset asset, Network network, String address) {
        Erc681.Request request;
        try {
            request = Erc681.parse(uri);
        } catch (AddressFormatException e) {
            return Optional.of("it is not a valid ERC-681 request: " + e.getMessage());
        }
        String expectedChain = network.chainId() + " (" + network.displayName() + ")";
        if (request.chainId().isEmpty()) {
            return Optional.of("it names no chain, expected chain " + expectedChain);
        }
        if (request.chainId().get() != network.chainId()) {
            return Optional.of("it is for chain " + request.chainId().get() + ", not " + expectedChain);
        }
        if (asset.isNativeOn(network)) {
            if (request.function() != null) {
                return Optional.of("it calls '" + request.function() + "' on " + request.target()
                        + " instead of paying " + asset.code());
            }
            return Erc681.sameAddress(request.target(), address) ? Optional.empty()
                    : Optional.of("it pays " + request.target() + ", not the deposit address");
        }
        String contract = TokenContracts.contract(asset, network).orElseThrow();
        if (request.function() == null) {
            return Optional.of("it asks for a payment in ether to " + request.target() + ", not a "
                    + asset.code() + " transfer");
        }
        if (!Erc681.sameAddress(request.target(), contract)) {
            return Optional.of("it names token contract " + request.target() + ", which is not " + asset.code()
                    + " on " + network.displayName() + " (" + contract + ")");
        }
        if (!request.function().equals("transfer")) {
            return Optional.of("it calls '" + request.function() + "', not 'transfer'");
        }
        Optional<String> payee = request.parameter("address");
        if (payee.isEmpty()) {
            return Optional.of("it names no beneficiary address");
        }
        return Erc681.sameAddress(payee.get(), address) ? Optional.empty()
                : Optional.of("it pays " + payee.get() + ", not the deposit address");
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
        String uri = isBech32(address) ? "BITCOIN:" + address.toUpperCase(Locale.ROOT) : "bitcoin:" + address;
        if (amount != null) {
            // Lower-case key: every BIP-21 wallet reads it; BIP-321 allows either.
            uri += "?amount=" + plain(amount, 8);
        }
        return uri;
    }

    private static boolean isBech32(String address) {
        return Character.isLetter(address.charAt(0)) && address.toLowerCase(Locale.ROOT).matches("^(bc|tb)1.*");
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

package com.sovera.console.deposit;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxApi;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.chain.AddressFormatException;
import com.sovera.console.chain.Addresses;
import com.sovera.console.chain.Asset;
import com.sovera.console.chain.Network;
import com.sovera.console.chain.PaymentUri;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Everything that must hold before a deposit address is shown as a QR code: its network is one SovX names and
 * fits the currency, its checksum and network are right, the server reads back the same address, and the
 * rendered code decodes to the payment URI. Runs off the FX thread (it may call the server).
 */
public final class DepositCheck {

    /** The outcome: the checks that passed, or the one that failed; the code only when all passed. */
    public record Result(DepositAddress address, Network network, List<String> passed, String failure, QrCode qr,
                         BigDecimal requested) {

        Result(DepositAddress address, Network network, List<String> passed, String failure, QrCode qr) {
            this(address, network, passed, failure, qr, null);
        }

        public boolean ok() {
            return failure == null;
        }

        /**
         * The same verified address, its code now asking for {@code amount} (null: no amount), drawn anew and
         * decoded back to exactly that amount; an unverified address stays as it is.
         *
         * @throws IllegalArgumentException when the amount is not one the asset can be asked for
         */
        public Result withAmount(BigDecimal amount) {
            if (!ok()) {
                return this;
            }
            String currency = address.currency().toUpperCase(Locale.ROOT);
            QrCode drawn = QrCode.encode(PaymentUri.forDeposit(currency, network, address.address(), amount), SCALE);
            List<String> checks = new ArrayList<>(passed.subList(0, passed.size() - 1));
            Optional<String> misread = readBack(drawn, currency, network, address.address(), amount);
            if (misread.isPresent()) {
                return new Result(address, network, List.copyOf(checks), misread.get(), null, amount);
            }
            checks.add(readBackLine(currency, network, amount));
            return new Result(address, network, List.copyOf(checks), null, drawn, amount);
        }

        /** The payment link the code says, for the clipboard; null when no code is shown. */
        public String paymentUri() {
            return qr == null ? null : qr.payload();
        }

        /**
         * What the panel says above the address, naming asset and network plainly: "USDC (ERC-20) on Ethereum
         * Sepolia. Send only USDC on this network." For an address refused before its asset was known, just what
         * the server named.
         */
        public String heading() {
            Optional<Asset> asset = Asset.byCode(address.currency());
            if (network != null && asset.isPresent() && asset.get().isOfferedOn(network)) {
                return asset.get().depositInstruction(network);
            }
            return address.currency() + " on " + address.network();
        }

        /** The test-network warning for this asset; empty on a main network or an unknown one. */
        public String testnetWarning() {
            Optional<Asset> asset = Asset.byCode(address.currency());
            if (network == null || !network.isTestnet()) {
                return "";
            }
            return asset.map(a -> a.testnetWarning(network))
                    .orElse("Test network: coins sent here have no value. Never send real " + address.currency() + ".");
        }
    }

    static final int SCALE = 6;

    private DepositCheck() {
    }

    /**
     * Verifies; {@code api} may be null to skip the read-back (it is then not listed as passed). A transient
     * failure of the read-back (429, 502-504, no connection) is thrown, for the caller to retry.
     */
    public static Result verify(DepositAddress address, SovxApi api) {
        List<String> passed = new ArrayList<>();
        Optional<Network> network = Network.byId(address.network());
        if (network.isEmpty()) {
            return new Result(address, null, passed, "The server named an unknown network: " + address.network(), null);
        }
        Network net = network.get();
        String currency = address.currency() == null ? "" : address.currency().toUpperCase(Locale.ROOT);
        Optional<Asset> asset = Asset.byCode(currency).filter(a -> a.isOfferedOn(net));
        if (asset.isEmpty()) {
            return new Result(address, net, passed, currency + " cannot be received on " + net.id(), null);
        }
        try {
            Addresses.verify(address.address(), net);
        } catch (AddressFormatException e) {
            return new Result(address, net, passed, e.getMessage(), null);
        }
        passed.add("Checksum and format valid for " + net.id());
        if (api != null && address.walletId() != null) {
            try {
                List<DepositAddress> stored = api.listWalletAddresses(address.walletId(),
                        Filter.page(100, 0).sort("created_at", Filter.Direction.DESC).asQuery()).execute().rows();
                if (stored.stream().noneMatch(a -> a.address().equals(address.address()))) {
                    return new Result(address, net, passed, "The server does not list this address for the wallet:"
                            + " do not use it.", null);
                }
                passed.add("Read back from the server for this wallet");
            } catch (ApiException e) {
                if (e.isTransient()) {
                    throw e; // rate limit or gateway: the caller waits and tries again
                }
                if (!e.isNotOffered()) {
                    return new Result(address, net, passed, "Could not read the address back: " + e.getMessage(), null);
                }
                passed.add("Read-back skipped: this server does not list a wallet's addresses");
            }
        }
        QrCode qr = QrCode.encode(PaymentUri.forDeposit(currency, net, address.address()), SCALE);
        Optional<String> misread = readBack(qr, currency, net, address.address());
        if (misread.isPresent()) {
            return new Result(address, net, passed, misread.get(), null);
        }
        passed.add(readBackLine(currency, net, null));
        return new Result(address, net, List.copyOf(passed), null, qr);
    }

    private static String readBackLine(String currency, Network net, BigDecimal amount) {
        Asset asset = Asset.byCode(currency).orElseThrow();
        return "QR code read back: " + (asset.isNativeOn(net) ? currency + " on " + net.id()
                : currency + " contract, chain " + net.chainId()) + ", to this address"
                + (amount == null ? "" : ", for " + amount.stripTrailingZeros().toPlainString() + " " + currency);
    }

    /**
     * Decodes the rendered code and checks what it asks a wallet to do: the asset (a token's contract), the chain
     * and the beneficiary. Empty when it asks for exactly this deposit, else why not, for the operator.
     */
    static Optional<String> readBack(QrCode qr, String currency, Network network, String address) {
        return readBack(qr, currency, network, address, null);
    }

    /** The same, and the code must ask for exactly {@code amount} (null: for none). */
    static Optional<String> readBack(QrCode qr, String currency, Network network, String address,
                                     BigDecimal amount) {
        String decoded = QrCode.decode(qr.argb(), qr.width(), qr.height());
        if (decoded == null) {
            return Optional.of("The QR code could not be read back.");
        }
        Optional<String> why = PaymentUri.mismatch(decoded, currency, network, address, amount);
        if (why.isPresent()) {
            return Optional.of("The QR code does not ask for this deposit: " + why.get() + ".");
        }
        // anything beyond what was meant (an amount, a second parameter) is refused too
        return decoded.equals(qr.payload()) ? Optional.empty()
                : Optional.of("The QR code does not decode to exactly the payment link it was made from.");
    }

    /** The address in groups of four, for reading aloud. */
    public static String grouped(String address) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < address.length(); i += 4) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(address, i, Math.min(address.length(), i + 4));
        }
        return sb.toString();
    }
}

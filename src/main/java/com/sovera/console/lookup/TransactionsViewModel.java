package com.sovera.console.lookup;

import com.sovera.console.api.Filter;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.session.SessionCalls;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Transactions screen without its controls: the customer's deposits, paged, sorted (by {@code created_at} or
 * {@code amount}) and filtered on the server, exported to CSV like the other lookups. FX thread only.
 */
public final class TransactionsViewModel extends LookupList<Transaction> {

    public static final List<String> STATUSES = List.of("PENDING", "COMPLETED");

    /** Filters; an empty text or a null choice means "any". */
    public final ObjectProperty<String> currency = new SimpleObjectProperty<>();
    public final ObjectProperty<String> status = new SimpleObjectProperty<>();
    public final StringProperty walletId = new SimpleStringProperty("");
    public final StringProperty address = new SimpleStringProperty("");
    public final StringProperty txHash = new SimpleStringProperty("");

    public TransactionsViewModel(SessionCalls calls) {
        super(calls, (c, f) -> c.api().listTransactions(f.asQuery()), List.of("transaction_id", "wallet_id",
                "address", "currency", "network", "direction", "amount", "tx_hash", "confirmations",
                "required_confirmations", "status", "created_at"), t -> Arrays.asList(t.transactionId(), t.walletId(),
                t.address(), t.currency(), t.network(), t.direction(), t.amount().toPlainString(), t.txHash(),
                t.confirmations() == null ? null : t.confirmations().toString(),
                t.requiredConfirmations() == null ? null : t.requiredConfirmations().toString(),
                t.status() == null ? null : t.status().canonical(), text(t.createdAt())), "sovx-transactions.csv");
    }

    @Override
    Filter conditions() {
        return Filter.none().where("currency", currency.get())
                .where("status", status.get())
                .where("wallet_id", blankToNull(walletId.get()))
                .where("address", blankToNull(address.get()))
                // hashes are written in lowercase hex; one pasted in capitals is the same hash
                .where("tx_hash", blankToNull(txHash.get()) == null ? null
                        : txHash.get().strip().toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}

package com.sovera.console.lookup;

import com.sovera.console.api.ApiException;
import com.sovera.console.api.CallRecord;
import com.sovera.console.api.Filter;
import com.sovera.console.api.SovxClient;
import com.sovera.console.api.model.Customer;
import com.sovera.console.api.model.DepositAddress;
import com.sovera.console.api.model.Transaction;
import com.sovera.console.api.model.User;
import com.sovera.console.api.model.Wallet;
import com.sovera.console.chain.Addresses;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One search box: recognises what was pasted (trace id, user or wallet id, e-mail, customer id, deposit
 * address, transaction hash) and finds it. Runs off the FX thread; says what it tried when nothing matches.
 */
public final class Search {

    /** What was found: exactly one of the objects, or nothing and what was tried. */
    public record Hit(String kind, CallRecord activity, User user, Wallet wallet, DepositAddress address,
                      Customer customer, Transaction transaction, List<String> tried) {
        static Hit nothing(List<String> tried) {
            return new Hit("nothing", null, null, null, null, null, null, List.copyOf(tried));
        }
    }

    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** A transaction hash as the contract writes it: Bitcoin's 64 hex digits, Ethereum's after {@code 0x}. */
    private static final Pattern TX_HASH = Pattern.compile("(?i)(0x)?[0-9a-f]{64}");
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{2,62}");

    private final SovxClient lookup;
    private final SovxClient session;

    public Search(SovxClient lookup, SovxClient session) {
        this.lookup = lookup;
        this.session = session;
    }

    /** Finds the object the text names; {@code activity} is this session's call list, searched first. */
    public Hit find(String text, List<CallRecord> activity) {
        String q = text == null ? "" : text.strip();
        List<String> tried = new ArrayList<>();
        if (q.isEmpty()) {
            return Hit.nothing(tried);
        }
        if (UUID.matcher(q).matches()) {
            tried.add("trace id in this session's Activity");
            Optional<CallRecord> call = activity.stream().filter(r -> q.equalsIgnoreCase(r.traceId())).findFirst();
            if (call.isPresent()) {
                return new Hit("trace", call.get(), null, null, null, null, null, tried);
            }
            tried.add("user id");
            User u = quietly(() -> lookup.api().getUser(q.toLowerCase()).execute());
            if (u != null) {
                return new Hit("user", null, u, null, null, null, null, tried);
            }
            tried.add("wallet id");
            Wallet w = quietly(() -> lookup.api().getWallet(q.toLowerCase()).execute());
            if (w != null) {
                return new Hit("wallet", null, null, w, null, null, null, tried);
            }
            return Hit.nothing(tried);
        }
        if (q.contains("@")) {
            tried.add("user e-mail");
            List<User> users = quietly(() -> lookup.api().listUsers(Filter.none().where("email", q).asQuery())
                    .execute().rows());
            return users == null || users.isEmpty() ? Hit.nothing(tried)
                    : new Hit("user", null, users.get(0), null, null, null, null, tried);
        }
        if (TX_HASH.matcher(q).matches()) {
            tried.add("transaction hash");
            List<Transaction> found;
            try {
                found = quietly(() -> lookup.api().listTransactions(Filter.none()
                        .where("tx_hash", q.toLowerCase(java.util.Locale.ROOT)).asQuery()).execute().rows());
            } catch (ApiException e) {
                if (!e.isNotOffered()) {
                    throw e;
                }
                tried.add("(this server does not report transactions)");
                return Hit.nothing(tried);
            }
            if (found == null || found.isEmpty()) {
                return Hit.nothing(tried);
            }
            Transaction tx = found.get(0);
            // its address too, so the panel shows it and waits for its confirmations
            List<DepositAddress> at = quietly(() -> lookup.api().listAddresses(Filter.none()
                    .where("address", tx.address()).asQuery()).execute().rows());
            return new Hit("transaction", null, null, null, at == null || at.isEmpty() ? null : at.get(0), null, tx,
                    tried);
        }
        if (!Addresses.networksOf(q).isEmpty()) {
            tried.add("deposit address");
            List<DepositAddress> found = quietly(() -> lookup.api().listAddresses(Filter.none().where("address", q)
                    .asQuery()).execute().rows());
            return found == null || found.isEmpty() ? Hit.nothing(tried)
                    : new Hit("address", null, null, null, found.get(0), null, null, tried);
        }
        if (SLUG.matcher(q).matches()) {
            tried.add("customer id");
            if (session.credentials().session().isEmpty()) {
                tried.add("(customers need a signed-in session)");
                return Hit.nothing(tried);
            }
            Customer c = quietly(() -> session.api().getCustomer(q).execute());
            return c == null ? Hit.nothing(tried) : new Hit("customer", null, null, null, null, c, null, tried);
        }
        tried.add("nothing: not an id, e-mail, customer id or valid address");
        return Hit.nothing(tried);
    }

    private static <T> T quietly(java.util.concurrent.Callable<T> call) {
        try {
            return call.call();
        } catch (ApiException e) {
            if (e.httpStatus() == 404) {
                return null;
            }
            throw e;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}

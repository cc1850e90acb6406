package com.sovera.console.sandbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The three-character pieces (grams) of the text that a {@code [like]} on the users' e-mail or the addresses reads,
 * per owner (table {@code like_grams}, migration V9): a fragment with a piece that no row holds matches nothing, which
 * a few key lookups tell, where the list's SQL would read every entry of the field's index to find no row. Pieces
 * are only added, never removed: no write path deletes a user or an address or changes its e-mail or address (one
 * that does would have to count the rows of each piece). Each write path adds its row's pieces in the row's
 * transaction: {@link Users#create}, {@link Addresses#create}, the demo seed ({@link #addSeeded}), and the rows there
 * before V9 when it is applied ({@link #addAll}).
 */
final class LikeGrams {

    /** The {@code [like]} fields that have pieces, by table: the list's field name and the column it reads. */
    static final Map<String, Map<String, String>> FIELDS = Map.of("users", Map.of("email", "email_key"),
            "addresses", Map.of("address", "address_key"));
    static final int N = 3;

    private LikeGrams() {
    }

    /** The distinct pieces of {@code N} characters (UTF-16 units, as {@code LIKE} compares) of a text. */
    static Set<String> grams(String text) {
        Set<String> out = new HashSet<>();
        for (int i = 0; i + N <= text.length(); i++) {
            out.add(text.substring(i, i + N));
        }
        return out;
    }

    /**
     * Whether the {@code [like]} value (as the client wrote it: {@code %} the only wildcard) on this table's field
     * cannot match any of the owner's rows: one of its pieces is held by none. False where it cannot tell.
     */
    static boolean cannotMatch(Connection c, String table, long owner, String field, String value)
            throws SQLException {
        if (!FIELDS.getOrDefault(table, Map.of()).containsKey(field)) {
            return false;
        }
        Set<String> pieces = new LinkedHashSet<>();
        for (String part : value.toLowerCase(Locale.ROOT).split("%")) {
            pieces.addAll(grams(part));
        }
        if (pieces.isEmpty()) {
            return false;
        }
        return held(c, owner, table + "." + field, pieces).size() < pieces.size();
    }

    /** Adds the pieces of one owner's new texts (lower-cased, as stored in the field's column) of a table's field. */
    static void add(Connection c, long owner, String table, String field, Collection<String> texts)
            throws SQLException {
        Pieces all = new Pieces();
        texts.forEach(all::add);
        addPieces(c, owner, table + "." + field, all.toSet());
    }

    /** Adds those of these pieces the owner's rows of the field (table.field) do not hold yet. */
    private static void addPieces(Connection c, long owner, String key, Set<String> pieces) throws SQLException {
        pieces.removeAll(held(c, owner, key, pieces));
        if (pieces.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO like_grams (owner_pk, field, gram) VALUES (?, ?, ?)")) {
            for (String gram : pieces) {
                ps.setLong(1, owner);
                ps.setString(2, key);
                ps.setString(3, gram);
                try {
                    ps.executeUpdate();
                } catch (SQLException e) {
                    if (!Sql.isDuplicate(e)) {
                        throw e; // a piece another writer added meanwhile is there: that is all it takes
                    }
                }
            }
        }
    }

    /** Adds the pieces of every row of every field: the rows there before V9, in its migration's transaction. */
    static void addAll(Connection c) throws SQLException {
        for (Map.Entry<String, Map<String, String>> table : FIELDS.entrySet()) {
            for (Map.Entry<String, String> field : table.getValue().entrySet()) {
                String key = table.getKey() + "." + field.getKey();
                // owner by owner: one owner's pieces held at a time, however many customers
                Pieces pieces = null;
                long owner = 0;
                try (PreparedStatement ps = c.prepareStatement("SELECT customer_pk, " + field.getValue() + " FROM "
                        + table.getKey() + " ORDER BY customer_pk"); ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (pieces == null || rs.getLong(1) != owner) {
                            if (pieces != null) {
                                addPieces(c, owner, key, pieces.toSet());
                            }
                            pieces = new Pieces();
                            owner = rs.getLong(1);
                        }
                        pieces.add(rs.getString(2));
                    }
                }
                if (pieces != null) {
                    addPieces(c, owner, key, pieces.toSet());
                }
            }
        }
    }

    /**
     * Adds the pieces of a batch of the demo seed: its new users' e-mails (users from {@code withUser} on; those
     * before were written by an earlier run) and all its addresses, on the batch's connection and in its transaction.
     */
    static void addSeeded(Connection c, long owner, List<DemoRows.Planned> batch, int withUser) throws SQLException {
        List<String> emails = new ArrayList<>();
        List<String> addresses = new ArrayList<>();
        for (DemoRows.Planned p : batch) {
            if (p.index() >= withUser) {
                emails.add(p.user().email().toLowerCase(Locale.ROOT));
            }
            p.wallets().forEach(w -> addresses.add(w.address().address().toLowerCase(Locale.ROOT)));
        }
        add(c, owner, "users", "email", emails);
        add(c, owner, "addresses", "address", addresses);
    }

    /** Which of these pieces the owner's rows of the field hold. */
    private static Set<String> held(Connection c, long owner, String key, Set<String> pieces) throws SQLException {
        if (pieces.isEmpty()) {
            return Set.of();
        }
        // a few pieces (a fragment, a row) by key; a batch's thousands by reading the field's pieces once
        boolean few = pieces.size() <= 200;
        String sql = "SELECT gram FROM like_grams WHERE owner_pk = ? AND field = ?" + (few ? " AND gram IN ("
                + String.join(", ", Collections.nCopies(pieces.size(), "?")) + ")" : "");
        Set<String> out = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, owner);
            ps.setString(2, key);
            int i = 3;
            if (few) {
                for (String p : pieces) {
                    ps.setString(i++, p);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (pieces.contains(rs.getString(1))) {
                        out.add(rs.getString(1));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The distinct pieces of many texts (a seed's batch: two million), cheaply: those of three ASCII characters as
     * bits (128^3 of them), any other as a string.
     */
    private static final class Pieces {
        private final BitSet ascii = new BitSet(); // grows to what is set: one row's few pieces take a few words
        private final Set<String> other = new HashSet<>();

        void add(String text) {
            for (int i = 0; i + N <= text.length(); i++) {
                char a = text.charAt(i);
                char b = text.charAt(i + 1);
                char c = text.charAt(i + 2);
                if ((a | b | c) < 128) {
                    ascii.set(a << 14 | b << 7 | c);
                } else {
                    other.add(text.substring(i, i + N));
                }
            }
        }

        Set<String> toSet() {
            Set<String> out = new HashSet<>(other);
            for (int g = ascii.nextSetBit(0); g >= 0; g = ascii.nextSetBit(g + 1)) {
                out.add(new String(new char[] {(char) (g >> 14), (char) (g >> 7 & 127), (char) (g & 127)}));
            }
            return out;
        }
    }
}

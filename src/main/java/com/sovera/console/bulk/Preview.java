package com.sovera.console.bulk;

import com.sovera.console.api.model.NewUser;
import com.sovera.console.platform.SafeCsv;
import java.io.IOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The rows of a file with what is wrong with each, before anything is sent: the model a preview table binds to
 * (toolkit-free: it hands out immutable {@link PreviewRow}s and tells listeners which rows changed, on the
 * caller's thread). Every row is checked by the wizard's rules; an e-mail that appears again later in the file
 * (in any letter case) is an error on the later row; rows whose e-mail the customer already has are marked
 * existing. A cell the operator edits is checked again, and so are the rows whose repeat it changed.
 */
public final class Preview {

    /** How many rows are what. */
    public record Counts(int rows, int valid, int invalid, int existing, int wallets) {
    }

    private final String source;
    private final boolean sandbox;
    private final LocalDate today;
    private final SheetRow[] sheet;
    private final List<RowError>[] ownErrors;
    private final int[] repeats;
    private final Map<String, String> existing = new HashMap<>();
    private final PreviewRow[] shown;
    private final List<Consumer<List<PreviewRow>>> listeners = new CopyOnWriteArrayList<>();

    @SuppressWarnings("unchecked")
    private Preview(Sheet sheet, boolean sandbox, LocalDate today) {
        this.source = sheet.name();
        this.sandbox = sandbox;
        this.today = today;
        this.sheet = sheet.rows().toArray(SheetRow[]::new);
        this.ownErrors = new List[this.sheet.length];
        this.repeats = new int[this.sheet.length];
        this.shown = new PreviewRow[this.sheet.length];
        for (int i = 0; i < this.sheet.length; i++) {
            ownErrors[i] = RowRules.check(this.sheet[i], sandbox, today);
        }
        findRepeats();
        for (int i = 0; i < shown.length; i++) {
            shown[i] = compose(i);
        }
    }

    /**
     * @param sandbox true on a sandbox environment, where a bare currency means its test network
     */
    public static Preview of(Sheet sheet, boolean sandbox, LocalDate today) {
        return new Preview(sheet, sandbox, today);
    }

    public String source() {
        return source;
    }

    /** Told, on the thread that made the change, of the rows that changed. */
    public void addListener(Consumer<List<PreviewRow>> listener) {
        listeners.add(listener);
    }

    public void removeListener(Consumer<List<PreviewRow>> listener) {
        listeners.remove(listener);
    }

    public synchronized List<PreviewRow> rows() {
        return List.of(shown);
    }

    /** The row with this number (1 is the first row under the header). */
    public synchronized PreviewRow row(int number) {
        return shown[number - 1];
    }

    public synchronized Counts counts() {
        int valid = 0;
        int existingRows = 0;
        int wallets = 0;
        for (PreviewRow r : shown) {
            if (r.isValid()) {
                valid++;
                existingRows += r.isExisting() ? 1 : 0;
                wallets += WalletRequest.parse(r.cell(Column.WALLETS), sandbox).wallets().size();
            }
        }
        return new Counts(shown.length, valid, shown.length - valid, existingRows, wallets);
    }

    /** The operator's fix of one cell: the row is checked again, with every row whose repeat it changed. */
    public void edit(int number, Column column, String value) {
        List<PreviewRow> changed;
        synchronized (this) {
            int i = number - 1;
            sheet[i] = sheet[i].with(column, value == null ? "" : value.strip());
            ownErrors[i] = RowRules.check(sheet[i], sandbox, today);
            findRepeats();
            changed = refresh();
        }
        tell(changed);
    }

    /** The e-mails of valid rows, in lower case, for the server lookup of existing users. */
    public synchronized List<String> emails() {
        List<String> emails = new ArrayList<>();
        for (PreviewRow r : shown) {
            if (r.isValid()) {
                emails.add(key(r.cell(Column.EMAIL)));
            }
        }
        return emails;
    }

    /** The customer's users found for some e-mails (lower case to user id): their rows are marked existing. */
    public void markExisting(Map<String, String> found) {
        List<PreviewRow> changed;
        synchronized (this) {
            found.forEach((email, id) -> existing.put(key(email), id));
            changed = refresh();
        }
        tell(changed);
    }

    /** Drops every row's existing mark: the operator chose another customer, whose users are looked up anew. */
    public void forgetExisting() {
        List<PreviewRow> changed;
        synchronized (this) {
            existing.clear();
            changed = refresh();
        }
        tell(changed);
    }

    /** Writes one line per error: {@code row,line,column,value,error} (for fixing in the spreadsheet). */
    public void writeErrors(Writer out) throws IOException {
        List<PreviewRow> rows = rows();
        try (SafeCsv csv = SafeCsv.to(out)) {
            csv.row("row", "line", "column", "value", "error");
            for (PreviewRow r : rows) {
                for (RowError e : r.errors()) {
                    csv.row(Integer.toString(r.number()), Long.toString(r.line()),
                            e.column() == null ? "" : e.column().header(),
                            e.column() == null ? "" : shorten(r.cell(e.column())), e.message());
                }
            }
        }
    }

    /** What a run started now would do: a snapshot, unaffected by later edits. */
    public synchronized Plan plan() {
        List<PlannedRow> rows = new ArrayList<>();
        List<Plan.Refused> refused = new ArrayList<>();
        for (PreviewRow r : shown) {
            if (!r.isValid()) {
                refused.add(new Plan.Refused(r.number(), r.cell(Column.EMAIL), r.errorText()));
                continue;
            }
            NewUser user = new NewUser(r.cell(Column.USER_TYPE).toLowerCase(Locale.ROOT), r.cell(Column.EMAIL),
                    r.cell(Column.FIRST_NAME), r.cell(Column.LAST_NAME), r.cell(Column.PHONE),
                    r.cell(Column.DATE_OF_BIRTH), r.cell(Column.COUNTRY).toUpperCase(Locale.ROOT));
            rows.add(new PlannedRow(r.number(), user, r.existingUserId(),
                    WalletRequest.parse(r.cell(Column.WALLETS), sandbox).wallets()));
        }
        return new Plan(rows, refused);
    }

    private void findRepeats() {
        Map<String, Integer> first = new HashMap<>();
        for (int i = 0; i < sheet.length; i++) {
            String email = key(sheet[i].cell(Column.EMAIL));
            Integer earlier = email.isEmpty() ? null : first.putIfAbsent(email, i + 1);
            repeats[i] = earlier == null ? 0 : earlier;
        }
    }

    private PreviewRow compose(int i) {
        List<RowError> errors = new ArrayList<>(ownErrors[i]);
        if (repeats[i] > 0 && errors.stream().noneMatch(e -> e.column() == Column.EMAIL)) {
            errors.add(new RowError(Column.EMAIL, "Repeats the e-mail of row " + repeats[i]
                    + ": one row per user."));
        }
        String existingId = errors.isEmpty() ? existing.get(key(sheet[i].cell(Column.EMAIL))) : null;
        return new PreviewRow(i + 1, sheet[i].line(), sheet[i], errors, existingId);
    }

    private List<PreviewRow> refresh() {
        List<PreviewRow> changed = new ArrayList<>();
        for (int i = 0; i < shown.length; i++) {
            PreviewRow now = compose(i);
            if (!now.equals(shown[i])) {
                shown[i] = now;
                changed.add(now);
            }
        }
        return changed;
    }

    private void tell(Collection<PreviewRow> changed) {
        if (!changed.isEmpty()) {
            List<PreviewRow> rows = List.copyOf(changed);
            listeners.forEach(l -> l.accept(rows));
        }
    }

    static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.ROOT);
    }

    private static String shorten(String value) {
        return value.length() > 200 ? value.substring(0, 200) + "…" : value;
    }
}

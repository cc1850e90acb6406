package com.sovera.console.bulk;

import com.sovera.console.api.model.Rules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The wizard's field rules ({@link Rules}) applied to one row, plus the cell caps and the wallets list. */
final class RowRules {

    private static final Set<String> USER_TYPES = Set.of("individual", "business");

    private RowRules() {
    }

    /** Every problem of the row on its own (repeats across rows are the preview's to find). */
    static List<RowError> check(SheetRow row, boolean sandbox, LocalDate today) {
        List<RowError> errors = new ArrayList<>();
        if (row.shapeProblem() != null) {
            errors.add(new RowError(null, row.shapeProblem()));
        }
        for (Column c : Column.values()) {
            int length = row.cell(c).codePointCount(0, row.cell(c).length());
            if (length > SheetReader.MAX_CELL) {
                errors.add(new RowError(c, "At most " + SheetReader.MAX_CELL + " characters (this cell has "
                        + String.format("%,d", length) + ")."));
            }
        }
        if (!errors.isEmpty() && errors.stream().anyMatch(e -> e.column() != null)) {
            return errors; // a cell of junk: the rules below would only repeat it
        }
        String type = row.cell(Column.USER_TYPE).toLowerCase(Locale.ROOT);
        if (!USER_TYPES.contains(type)) {
            errors.add(new RowError(Column.USER_TYPE, type.isEmpty() ? "Required: individual or business."
                    : "individual or business."));
        }
        add(errors, Column.EMAIL, Rules.email(row.cell(Column.EMAIL)));
        add(errors, Column.FIRST_NAME, Rules.name(row.cell(Column.FIRST_NAME), 100));
        add(errors, Column.LAST_NAME, Rules.name(row.cell(Column.LAST_NAME), 100));
        add(errors, Column.PHONE, Rules.phone(row.cell(Column.PHONE)));
        add(errors, Column.DATE_OF_BIRTH, Rules.dateOfBirth(row.cell(Column.DATE_OF_BIRTH), today));
        add(errors, Column.COUNTRY, Rules.country(row.cell(Column.COUNTRY)));
        add(errors, Column.WALLETS, WalletRequest.parse(row.cell(Column.WALLETS), sandbox).error());
        return errors;
    }

    private static void add(List<RowError> errors, Column column, String message) {
        if (message != null) {
            errors.add(new RowError(column, message));
        }
    }
}

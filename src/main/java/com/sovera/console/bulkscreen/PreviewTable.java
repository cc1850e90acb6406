package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.Column;
import com.sovera.console.bulk.PreviewRow;
import com.sovera.console.ui.WholeOnHoverCell;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/**
 * Every row of the file with its cells and errors: rows in error stand out, a wrong cell is marked and says why on
 * hover, and a cell is fixed in place. Virtualised: 20,000 rows cost the nodes of the rows on screen only.
 */
final class PreviewTable extends TableView<PreviewRow> {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");
    private static final PseudoClass EXISTING = PseudoClass.getPseudoClass("existing");
    private static final Map<Column, Double> WIDTHS = Map.of(Column.USER_TYPE, 90.0, Column.EMAIL, 200.0,
            Column.FIRST_NAME, 95.0, Column.LAST_NAME, 95.0, Column.PHONE, 125.0, Column.DATE_OF_BIRTH, 100.0,
            Column.COUNTRY, 65.0, Column.WALLETS, 210.0);

    PreviewTable(PreviewViewModel model) {
        super(model.shown());
        setId("bulk-preview-table");
        getStyleClass().addAll("bulk-preview", "dense");
        setEditable(true);
        setPlaceholder(new Label("Open a CSV file (or download the template) to see its rows here."));
        getColumns().add(Cells.number("#", "bulk-col-row", PreviewRow::number, 50));
        // what is wrong, in a word, where it is seen without scrolling
        TableColumn<PreviewRow, String> check = Cells.text("Check", "bulk-col-check", PreviewTable::verdict, 90);
        check.getStyleClass().add("row-check");
        getColumns().add(check);
        // the sentences beside the verdict: after the file's eleven columns they were off a laptop's screen
        TableColumn<PreviewRow, String> errors = Cells.text("Errors", "bulk-col-errors", PreviewRow::errorText, 340);
        errors.setCellFactory(c -> new WholeOnHoverCell<>());
        getColumns().add(errors);
        for (Column column : Column.values()) {
            getColumns().add(cellColumn(model, column));
        }
        TableColumn<PreviewRow, String> existing = Cells.shortId("Existing user", "bulk-col-existing",
                PreviewRow::existingUserId);
        getColumns().add(existing);
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(PreviewRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(INVALID, !empty && row != null && !row.isValid());
                pseudoClassStateChanged(EXISTING, !empty && row != null && row.isExisting());
            }
        });
    }

    /** "2 errors", "existing" (the customer has this user: reused) or "ok". */
    static String verdict(PreviewRow row) {
        int errors = row.errors().size();
        return errors > 0 ? errors + (errors == 1 ? " error" : " errors") : row.isExisting() ? "existing" : "ok";
    }

    private static TableColumn<PreviewRow, String> cellColumn(PreviewViewModel model, Column column) {
        TableColumn<PreviewRow, String> c = Cells.text(column.header(), "bulk-col-" + column.header(),
                r -> r.cell(column), WIDTHS.get(column));
        c.setEditable(true);
        c.setCellFactory(col -> new CheckedCell(column, (row, typed) -> model.edit(row, column, typed)));
        c.setOnEditCommit(e -> model.edit(e.getRowValue(), column, e.getNewValue()));
        return c;
    }
}

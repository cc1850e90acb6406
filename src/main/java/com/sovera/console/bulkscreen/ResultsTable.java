package com.sovera.console.bulkscreen;

import com.sovera.console.bulk.ResultLine;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;

/** A run's results, one line per wallet: status, ids, the verified address, and for a failure its code and trace. */
final class ResultsTable extends TableView<ResultLine> {

    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    ResultsTable(ObservableList<ResultLine> results) {
        super(results);
        setId("bulk-results-table");
        getStyleClass().addAll("bulk-results", "dense");
        setPlaceholder(new Label("The results of a run appear here, one line per wallet."));
        getColumns().add(Cells.number("#", "bulk-result-row", ResultLine::row, 55));
        getColumns().add(Cells.text("Status", "bulk-result-status", ResultLine::status, 75));
        getColumns().add(Cells.text("E-mail", "bulk-result-email", ResultLine::email, 170));
        getColumns().add(Cells.text("Currency", "bulk-result-currency", ResultLine::currency, 75));
        getColumns().add(Cells.text("Network", "bulk-result-network", ResultLine::network, 130));
        // wide enough for a whole address (42 characters for bech32 and Ethereum): an address is never cut
        TableColumn<ResultLine, String> address = Cells.text("Address", "bulk-result-address", ResultLine::address,
                370);
        address.setCellFactory(col -> {
            TableCell<ResultLine, String> cell = new TableCell<>() {
                private final javafx.scene.control.Tooltip whole = new javafx.scene.control.Tooltip(); // one a cell

                @Override
                protected void updateItem(String a, boolean empty) {
                    super.updateItem(a, empty);
                    setText(empty ? null : a);
                    whole.setText(a);
                    setTooltip(empty || a == null ? null : whole);
                }
            };
            cell.getStyleClass().add("address-cell");
            return cell;
        });
        getColumns().add(address);
        getColumns().add(Cells.shortId("User id", "bulk-result-user", ResultLine::userId));
        getColumns().add(Cells.shortId("Wallet id", "bulk-result-wallet", ResultLine::walletId));
        getColumns().add(Cells.text("Error", "bulk-result-code", ResultLine::errorCode, 150));
        getColumns().add(Cells.text("Message", "bulk-result-message", ResultLine::errorMessage, 280));
        getColumns().add(Cells.text("Trace id", "bulk-result-trace", ResultLine::traceId, 150));
        setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(ResultLine line, boolean empty) {
                super.updateItem(line, empty);
                pseudoClassStateChanged(FAILED, !empty && line != null && line.failed());
            }
        });
    }
}

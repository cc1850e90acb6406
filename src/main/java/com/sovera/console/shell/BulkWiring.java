package com.sovera.console.shell;

import com.sovera.console.bulkscreen.BulkView;
import com.sovera.console.bulkscreen.BulkViewModel;
import com.sovera.console.lookup.LookupContextViewModel;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.Node;
import javafx.scene.control.Label;

/**
 * Bulk onboarding in the window: its view (made when first opened, for the lookups' customer in context), the bar
 * saying an import did not finish.
 */
final class BulkWiring {

    private final BulkViewModel bulk;
    private final Supplier<LookupContextViewModel> context;
    private BulkView bulkView;

    BulkWiring(BulkViewModel bulk, Supplier<LookupContextViewModel> context) {
        this.bulk = bulk;
        this.context = context;
    }

    /** Bulk onboarding, for the lookups' customer in context (its key too) unless the operator picks another. */
    BulkView view() {
        if (bulkView == null) {
            LookupContextViewModel c = context.get();
            bulk.useCustomer(c.customerIdProperty().get(), c.ownerKey());
            c.customerIdProperty().addListener((o, was, id) -> bulk.useCustomer(id, c.ownerKey()));
            Bindings.bindContent(bulk.knownCustomers(), c.customers());
            bulkView = new BulkView(bulk);
        }
        return bulkView;
    }

    /** Says a bulk import did not finish while one is left (outside the Bulk view, which offers it itself). */
    Node notice(ObservableStringValue currentView) {
        Label bar = new Label();
        bar.setId("bulk-notice");
        bar.setWrapText(true);
        bar.getStyleClass().add("resume-bar");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.textProperty().bind(bulk.unfinishedNotice());
        bar.visibleProperty().bind(bar.textProperty().isNotEmpty().and(Bindings
                .createBooleanBinding(() -> !"nav-bulk".equals(currentView.get()), currentView)));
        bar.managedProperty().bind(bar.visibleProperty());
        return bar;
    }
}

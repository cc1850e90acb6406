package com.sovera.console.lookup;

import com.sovera.console.api.model.OwnerKey;
import com.sovera.console.ui.ClipboardGuard;
import com.sovera.console.ui.ErrorBanner;
import com.sovera.console.ui.FieldRow;
import com.sovera.console.ui.Icons;
import com.sovera.console.ui.Layouts;
import com.sovera.console.ui.OwnerKeyReveal;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** A customer's owner keys: the list, revoke (by its last four characters), rotate (new key shown once). */
public final class OwnerKeysView extends VBox {

    public OwnerKeysView(OwnerKeysViewModel model, ClipboardGuard clipboard) {
        super(8);
        setId("owner-keys");
        Label heading = new Label("Owner keys");
        heading.getStyleClass().add("section-heading");
        PagedTable<OwnerKey> table = new PagedTable<>("owner-keys-list", model.list(), OwnerKey::keyId)
                .withoutMnemonics();
        table.table().setAccessibleText("Owner keys of this customer");
        table.idColumn("Key id", OwnerKey::keyId);
        table.column("Ends in", k -> k.lastFour() == null ? "" : "…" + k.lastFour(), null, 70);
        table.column("Created (UTC)", k -> k.createdAt() == null ? "" : UsersView.CREATED.format(k.createdAt()),
                "created_at", 125);
        table.column("Last used", k -> k.lastUsedAt() == null ? "never" : UsersView.CREATED.format(k.lastUsedAt()),
                null, 125);
        table.column("Revoked", k -> k.revokedAt() == null ? "" : UsersView.CREATED.format(k.revokedAt()), null, 125);
        table.table().setPrefHeight(200);
        table.table().getSelectionModel().selectedItemProperty().addListener((o, was, k) -> model.selected.set(k));

        TextField typed = new TextField();
        typed.textProperty().bindBidirectional(model.revokeTyped);
        typed.setPrefColumnCount(6);
        FieldRow revokeRow = new FieldRow("To revoke the selected key, type its last four characters", typed,
                "revoke-last-four");
        Button revoke = Icons.on(new Button("Re_voke..."), "fth-slash");
        revoke.setId("owner-key-revoke");
        revoke.getStyleClass().add("danger");
        revoke.disableProperty().bind(model.canRevoke().not());
        revoke.setOnAction(e -> model.revoke());
        Button rotate = Icons.on(new Button("Rotat_e"), "fth-refresh-cw");
        rotate.setId("owner-key-rotate");
        rotate.disableProperty().bind(model.canRotate().not());
        rotate.setOnAction(e -> model.rotate());

        OwnerKeyReveal fresh = new OwnerKeyReveal(model.newSecret, model.newLastFour, clipboard, "rotated-key");
        Button finish = Icons.on(new Button("Use the new _key, revoke the old"), "fth-check");
        finish.setId("owner-key-finish-rotation");
        finish.disableProperty().bind(model.canFinishRotation().not());
        finish.setOnAction(e -> model.finishRotation());
        Button stop = new Button("Stop rotating");
        stop.setId("owner-key-stop-rotation");
        stop.setOnAction(e -> model.abandonRotation());
        typed.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> model.lookupsOnlyProperty().get(),
                model.lookupsOnlyProperty()));
        com.sovera.console.ui.LookupsOnly.explain(model.lookupsOnlyProperty(), revoke, rotate, typed);
        HBox rotation = new HBox(8, finish, stop);
        rotation.visibleProperty().bind(model.newSecret.isNotNull());
        rotation.managedProperty().bind(rotation.visibleProperty());

        ErrorBanner problem = new ErrorBanner();
        problem.problemProperty().bind(model.problemProperty());
        Label message = new Label();
        message.setId("owner-keys-message");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        // the actions on a row of their own, never narrower than their words: beside the field's caption, a
        // laptop's side pane squeezed them to "..."
        Layouts.keepWhole(revoke, rotate, finish, stop);
        getChildren().addAll(heading, table, revokeRow, new HBox(8, revoke, rotate),
                com.sovera.console.ui.LookupsOnly.reason("owner-keys-lookups-only", model.lookupsOnlyProperty()),
                fresh, rotation, problem, message);
    }
}

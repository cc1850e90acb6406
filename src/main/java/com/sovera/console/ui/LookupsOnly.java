package com.sovera.console.ui;

import com.sovera.console.policy.Policy;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;

/**
 * How a screen shows an action a lookups desk does not offer ({@code "writes_allowed": false}): disabled by its
 * view model, and the reason, {@link Policy#LOOKUPS_ONLY}, written beside it (a disabled control shows no tooltip)
 * and given to screen readers as the action's help.
 */
public final class LookupsOnly {

    private LookupsOnly() {
    }

    /** A line saying why, shown while {@code refused} holds. */
    public static Label reason(String id, ObservableBooleanValue refused) {
        Label reason = new Label(Policy.LOOKUPS_ONLY + ".");
        reason.setId(id);
        reason.setWrapText(true);
        reason.getStyleClass().add("field-message");
        reason.visibleProperty().bind(refused);
        reason.managedProperty().bind(refused);
        return reason;
    }

    /** Names the reason on these actions (tooltip and accessible help) while {@code refused} holds. */
    public static void explain(ObservableBooleanValue refused, Control... actions) {
        for (Control action : actions) {
            // the action's own help and tooltip come back when it is offered again
            String ownHelp = action.getAccessibleHelp();
            Tooltip ownTip = action.getTooltip();
            Tooltip reason = new Tooltip(Policy.LOOKUPS_ONLY);
            Runnable apply = () -> {
                boolean on = refused.get();
                if (on || action.getTooltip() == reason) {
                    action.setAccessibleHelp(on ? Policy.LOOKUPS_ONLY : ownHelp);
                    action.setTooltip(on ? reason : ownTip);
                }
            };
            refused.addListener((o, was, now) -> apply.run());
            apply.run();
        }
    }
}

package com.sovera.console.onboarding;

import com.sovera.console.api.model.Health;
import com.sovera.console.ui.Problem;
import java.time.Duration;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** The wizard's first step: the server answers and is ok. */
final class ConnectivityViewModel {

    private final WizardContext wizard;
    /** The connection was checked and answered ok. */
    final BooleanProperty checked = new SimpleBooleanProperty();

    ConnectivityViewModel(WizardContext wizard) {
        this.wizard = wizard;
    }

    void check() {
        long started = System.nanoTime();
        wizard.call(wizard.service::health, (Health h) -> {
            long rtt = (System.nanoTime() - started) / 1_000_000;
            wizard.summary(Step.CONNECTIVITY, "Status " + h.status() + " · up " + uptime(h.uptime())
                    + " · " + rtt + " ms round trip");
            if (h.isOk()) {
                checked.set(true);
                wizard.advance();
            } else {
                wizard.problem.set(new Problem("Service not ok", "The server answered status '" + h.status() + "'.",
                        null, null, null, "Try again later, or check the environment."));
            }
        });
    }

    private static String uptime(Long seconds) {
        if (seconds == null) {
            return "?";
        }
        Duration d = Duration.ofSeconds(seconds);
        return d.toDays() > 0 ? d.toDays() + " d" : d.toHours() > 0 ? d.toHours() + " h"
                : d.toMinutes() > 0 ? d.toMinutes() + " min" : seconds + " s";
    }
}

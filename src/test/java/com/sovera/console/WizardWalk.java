package com.sovera.console;

import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Step;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole wizard, driven the quick way (fields set, buttons fired, no robot typing), for the tests that measure
 * or photograph it rather than test typing. Told, after each stretch, where it got to.
 */
final class WizardWalk {

    private final FxRobot robot;
    private final OnboardingViewModel model;
    private final Consumer<String> reached;

    /** @param reached told "to STEP" after each step change, "filled STEP" once a form is filled */
    WizardWalk(FxRobot robot, OnboardingViewModel model, Consumer<String> reached) {
        this.robot = robot;
        this.model = model;
        this.reached = reached;
    }

    /** From connectivity to the verified deposit address, for a customer {@code id} of its own. */
    void all(String id) throws Exception {
        act(Step.LOGIN);
        act(Step.CUSTOMER);
        set("#customer_email", "ops@" + id + ".example");
        set("#customer_id", id);
        set("#entity_name", "Acme Payments Ltd");
        reached.accept("filled " + Step.CUSTOMER);
        act(Step.CREDENTIALS);
        fire();
        waitUntil(() -> model.secret.get() != null);
        reached.accept("filled " + Step.CREDENTIALS);
        String secret = model.secret.get();
        set("#secret-confirm", secret.substring(secret.length() - 4));
        act(Step.USER);
        set("#email", "ada@" + id + ".example");
        set("#first_name", "Ada");
        set("#last_name", "Lovelace");
        set("#phone", "+442071234567");
        set("#date_of_birth", "1985-12-10");
        robot.interact(() -> model.input(Field.COUNTRY).set("GB"));
        reached.accept("filled " + Step.USER);
        act(Step.WALLET);
        set("#name", "Ada's BTC");
        reached.accept("filled " + Step.WALLET);
        act(Step.ADDRESS);
        fire();
        waitUntil(() -> robot.lookup("#address-qr").tryQuery().map(n -> ((ImageView) n).getImage() != null)
                .orElse(false));
        reached.accept("the verified address");
    }

    private void act(Step next) throws Exception {
        fire();
        waitUntil(() -> model.stepProperty().get() == next);
        reached.accept("to " + next);
    }

    private void fire() {
        robot.interact(() -> robot.lookup("#wizard-action").queryButton().fire());
    }

    private void set(String id, String value) throws Exception {
        waitUntil(() -> robot.lookup(id).tryQuery().isPresent());
        robot.interact(() -> robot.lookup(id).queryAs(TextField.class).setText(value));
    }

    private static void waitUntil(BooleanSupplier condition) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        WaitForAsyncUtils.waitForFxEvents();
    }
}

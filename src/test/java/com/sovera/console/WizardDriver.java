package com.sovera.console;

import com.sovera.console.api.SovxClient;
import com.sovera.console.config.Environment;
import com.sovera.console.onboarding.Field;
import com.sovera.console.onboarding.Journal;
import com.sovera.console.onboarding.OnboardingViewModel;
import com.sovera.console.onboarding.Progress;
import com.sovera.console.onboarding.Step;
import com.sovera.console.platform.AppDirs;
import com.sovera.console.sandbox.DemoAccount;
import com.sovera.console.session.Sessions;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import com.sovera.console.ui.task.Scheduler;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * The console's wizard in a process of its own, for crash tests: its view model, service and journal over
 * {@code HOME} against {@code BASE_URL}, without a window (what a crash tests is the journal and the keys, not
 * the controls). Resumes what the journal holds, drives the wizard to a verified address and prints
 * {@code DONE <address>}. The test kills it (SIGKILL) wherever it likes.
 */
public final class WizardDriver {

    /** Timers never fire here: the crash tests meet no rate limit, and a draft is not what they test. */
    private static final Scheduler NO_TIMERS = new Scheduler() {
        @Override
        public Timer after(java.time.Duration delay, Runnable action) {
            return () -> { };
        }

        @Override
        public Timer every(java.time.Duration period, Runnable action) {
            return () -> { };
        }
    };

    private WizardDriver() {
    }

    public static void main(String[] args) {
        Path home = Path.of(args[0]);
        String id = args[2];
        SovxClient client = SovxClient.builder(args[1]).build();
        Journal journal = new Journal(AppDirs.under(home).data());
        OnboardingViewModel model = new OnboardingViewModel(Sessions.calls(client, new SameThreadTaskRunner()),
                journal, com.sovera.console.provision.Provisioner.Adoptions.NONE, NO_TIMERS, Clock.systemUTC(),
                Environment.EMBEDDED_SANDBOX);
        Optional<Progress> saved = journal.unfinished();
        if (saved.isPresent()) {
            model.resume(saved.get());
            System.out.println("RESUMED");
        }
        model.input(Field.LOGIN_EMAIL).set(DemoAccount.EMAIL);
        model.input(Field.PASSWORD).set(DemoAccount.PASSWORD);
        while (true) {
            Step step = model.stepProperty().get();
            switch (step) {
                case CUSTOMER -> {
                    fill(model, Field.CUSTOMER_EMAIL, "ops@" + id + ".example");
                    fill(model, Field.CUSTOMER_ID, id);
                    fill(model, Field.ENTITY_NAME, "Crash Test Ltd");
                }
                case CREDENTIALS -> {
                    if (model.secret.get() == null) {
                        model.act();
                    }
                    String secret = model.secret.get();
                    model.lastFour.set(secret.substring(secret.length() - 4));
                }
                case USER -> {
                    fill(model, Field.USER_EMAIL, "user@" + id + ".example");
                    fill(model, Field.FIRST_NAME, "Ada");
                    fill(model, Field.LAST_NAME, "Lovelace");
                    fill(model, Field.PHONE, "+442071234567");
                    fill(model, Field.DATE_OF_BIRTH, "1985-12-10");
                    fill(model, Field.COUNTRY, "GB");
                }
                case WALLET -> fill(model, Field.WALLET_NAME, "Crash BTC");
                case ADDRESS -> {
                    model.act();
                    if (model.depositProperty().get() == null || !model.depositProperty().get().ok()) {
                        System.out.println("FAILED " + model.problemProperty().get());
                        System.exit(1);
                    }
                    System.out.println("DONE " + model.depositProperty().get().address().address());
                    journal.flush();
                    client.close();
                    System.exit(0);
                }
                default -> { }
            }
            model.act();
            if (model.stepProperty().get() == step) {
                System.out.println("STUCK at " + step + ": " + model.problemProperty().get());
                System.exit(1);
            }
        }
    }

    /** Fills a field that is empty (a resumed step comes back filled). */
    private static void fill(OnboardingViewModel model, Field field, String value) {
        if (model.input(field).get().isEmpty()) {
            model.input(field).set(value);
        }
    }
}

package com.sovera.console.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sovera.console.config.AdministeredSettings;
import com.sovera.console.config.Environment;
import com.sovera.console.config.Settings;
import com.sovera.console.config.SettingsStore;
import com.sovera.console.platform.LogLevels;
import com.sovera.console.policy.Policy;
import com.sovera.console.policy.Policy.Item;
import com.sovera.console.ui.task.ManualTaskRunner;
import com.sovera.console.ui.task.SameThreadTaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings under the administrator's policy, without a toolkit: what is pinned, what a save writes and applies. */
class SettingsViewModelTest {

    private static final String PROD = "https://sovx.corp.example/sovx/v1";
    private static final String MINE = "https://sovx.staging.example/sovx/v1";

    /** The operator's own file: their staging server, TRACE, no idle sign-out. */
    private static final Settings OWN = Settings.DEFAULTS.withCustom(MINE).withEnvironment("custom:" + MINE)
            .withLogLevel("TRACE").withIdleSignOutMinutes(0);

    private static final Policy DESK = Policy.builder().environments(List.of("sovera-sandbox", PROD))
            .defaultEnvironment(PROD).embeddedSandboxEnabled(false).trainingFaultsEnabled(false)
            .keychainAllowed(false).minimumLogLevel("INFO").idleSignOutMinutes(10).auditDirectory("/srv/sovx-audit")
            .build();

    @TempDir
    Path config;

    private final List<Settings> applied = new ArrayList<>();

    @AfterEach
    void restoreLogLevel() {
        LogLevels.set("INFO");
    }

    private SettingsStore store(Settings saved) {
        SettingsStore store = new SettingsStore(config);
        store.save(saved);
        return store;
    }

    private SettingsViewModel open(SettingsStore store, Policy policy) {
        Settings inForce = AdministeredSettings.effective(store.saved(), policy);
        return new SettingsViewModel(store, inForce, policy, applied::add, null, new SameThreadTaskRunner());
    }

    @Test
    void eachPinnedItemSaysSoAndCannotBeChanged() {
        SettingsViewModel model = open(store(OWN), DESK);

        assertThat(model.environments()).containsExactly(Environment.SOVERA_SANDBOX, Environment.custom(PROD));
        assertThat(model.environment.get()).as("the policy's default, where the console runs")
                .isEqualTo(Environment.custom(PROD));
        assertThat(model.note(Item.ENVIRONMENTS)).startsWith(SettingsViewModel.PINNED);
        assertThat(model.note(Item.DEFAULT_ENVIRONMENT)).startsWith(SettingsViewModel.PINNED)
                .contains("sovx.corp.example");
        assertThat(model.mayAddEnvironments()).isFalse();
        assertThat(model.note(Item.CUSTOM_ENVIRONMENTS)).isEqualTo(SettingsViewModel.PINNED
                + ": no environments of your own.");
        assertThat(model.logLevels()).containsExactly("ERROR", "WARN", "INFO");
        assertThat(model.logLevel.get()).isEqualTo("INFO");
        assertThat(model.note(Item.MINIMUM_LOG_LEVEL)).contains("nothing more detailed than INFO");
        assertThat(model.mayChooseIdleMinutes()).isFalse();
        assertThat(model.idleMinutes.get()).isEqualTo(10);
        assertThat(model.note(Item.IDLE_SIGN_OUT)).startsWith(SettingsViewModel.PINNED);
        assertThat(model.note(Item.KEYCHAIN)).contains("not allowed");
        assertThat(model.note(Item.EMBEDDED_SANDBOX)).contains("local sandbox is off");
        assertThat(model.note(Item.TRAINING_FAULTS)).contains("training faults are off");
        assertThat(model.note(Item.AUDIT_DIRECTORY)).isEqualTo(SettingsViewModel.PINNED
                + ": the audit trail is kept in " + java.nio.file.Path.of("/srv/sovx-audit") + ".");
    }

    @Test
    void aLookupsDeskIsShownAsPinned() {
        SettingsViewModel model = open(store(OWN), Policy.builder().writesAllowed(false).build());
        assertThat(model.pinned(Item.WRITES)).isTrue();
        assertThat(model.note(Item.WRITES)).startsWith(SettingsViewModel.PINNED).contains("lookups only");
        assertThat(open(store(OWN), Policy.builder().writesAllowed(true).build()).note(Item.WRITES))
                .startsWith(SettingsViewModel.PINNED).contains("may create");
    }

    @Test
    void nothingIsPinnedWithoutAPolicy() {
        SettingsViewModel model = open(store(OWN), Policy.NONE);
        for (Item item : Item.values()) {
            assertThat(model.pinned(item)).isFalse();
            assertThat(model.note(item)).isEmpty();
        }
        assertThat(model.mayAddEnvironments()).isTrue();
        assertThat(model.mayChooseIdleMinutes()).isTrue();
        assertThat(model.logLevels()).containsExactlyElementsOf(SettingsViewModel.LOG_LEVELS);
        assertThat(model.environments()).containsExactly(Environment.EMBEDDED_SANDBOX, Environment.SOVERA_SANDBOX,
                Environment.custom(MINE));
    }

    @Test
    void savingNeverWritesAPinnedValueOverThePolicy() {
        SettingsStore store = store(OWN);
        SettingsViewModel model = open(store, DESK);
        // what a disabled control cannot do, a programmatic change tries
        model.idleMinutes.set(600);
        model.logLevel.set("TRACE");
        model.environment.set(Environment.SOVERA_SANDBOX);
        model.theme.set("dark");
        model.save();

        assertThat(model.messageProperty().get()).isEqualTo("Saved and applied.");
        Settings file = new SettingsStore(config).load();
        assertThat(file.idleSignOutMinutes()).as("the operator's own value stays theirs").isZero();
        assertThat(file.logLevel()).isEqualTo("TRACE");
        assertThat(file.customBaseUrls()).as("no administrator's URL written as the operator's")
                .containsExactly(MINE);
        assertThat(file.environmentId()).isEqualTo(Environment.SOVERA_SANDBOX_ID);
        assertThat(file.theme()).isEqualTo("dark");

        assertThat(applied).hasSize(1);
        Settings inForce = applied.get(0);
        assertThat(inForce.environment()).as("a choice among the offered applies").isEqualTo(Environment.SOVERA_SANDBOX);
        assertThat(inForce.idleSignOutMinutes()).isEqualTo(10);
        assertThat(inForce.logLevel()).isEqualTo("INFO");
        assertThat(model.idleMinutes.get()).isEqualTo(10);
        assertThat(model.logLevel.get()).isEqualTo("INFO");
    }

    @Test
    void anUntouchedLevelShownRaisedKeepsTheOperatorsOwnInTheFile() {
        SettingsStore store = store(OWN);
        SettingsViewModel model = open(store, DESK);
        model.theme.set("light");
        model.save();
        Settings file = new SettingsStore(config).load();
        assertThat(file.logLevel()).isEqualTo("TRACE");
        assertThat(file.environmentId()).as("the environment shown was the policy's default, not a choice")
                .isEqualTo("custom:" + MINE);
        assertThat(applied.get(0).environment()).as("and the console stays where it runs")
                .isEqualTo(Environment.custom(PROD));
    }

    @Test
    void anEnvironmentThePolicyDoesNotOfferIsNeitherSavedNorApplied() throws Exception {
        SettingsStore store = store(OWN);
        String before = Files.readString(config.resolve("settings.json"));
        SettingsViewModel model = open(store, DESK);
        model.environment.set(Environment.EMBEDDED_SANDBOX);
        model.save();
        assertThat(model.messageProperty().get()).contains("not offered");
        assertThat(applied).isEmpty();
        assertThat(Files.readString(config.resolve("settings.json"))).isEqualTo(before);
    }

    @Test
    void addingAnEnvironmentIsRefusedWhereThePolicyForbidsIt() {
        SettingsViewModel model = open(store(OWN), DESK);
        model.customUrl.set("https://sovx.elsewhere.example/sovx/v1");
        model.addCustom();
        assertThat(model.messageProperty().get()).contains("administrator");
        assertThat(model.environments()).hasSize(2);
    }

    @Test
    void theIdleSignOutIsTheOperatorsWhereNotPinned() {
        SettingsStore store = store(Settings.DEFAULTS);
        SettingsViewModel model = open(store, Policy.builder().minimumLogLevel("WARN").build());
        assertThat(model.idleMinutes.get()).isZero();
        model.idleMinutes.set(20);
        model.save();
        assertThat(new SettingsStore(config).load().idleSignOutMinutes()).isEqualTo(20);
        assertThat(applied.get(0).idleSignOutMinutes()).isEqualTo(20);
        assertThat(applied.get(0).logLevel()).as("INFO saved, raised to WARN in force").isEqualTo("WARN");
    }

    @Test
    void anAdministratorsUrlChosenInSettingsIsWhereTheNextStartOpensUnlessADefaultIsPinned() {
        Policy list = Policy.builder().environments(List.of("sovera-sandbox", PROD)).build();
        SettingsStore store = store(Settings.DEFAULTS);
        SettingsViewModel model = open(store, list);
        assertThat(model.environment.get()).isEqualTo(Environment.SOVERA_SANDBOX);
        model.environment.set(Environment.custom(PROD));
        model.save();
        Settings file = new SettingsStore(config).load();
        assertThat(file.customBaseUrls()).isEmpty();
        assertThat(AdministeredSettings.effective(file, list).environment()).isEqualTo(Environment.custom(PROD));
    }

    @Test
    void theFileIsWrittenOffTheCallersThreadAndAppliesOnceItIsOnDisk() throws Exception {
        SettingsStore store = store(Settings.DEFAULTS);
        ManualTaskRunner runner = new ManualTaskRunner();
        SettingsViewModel model = new SettingsViewModel(store, Settings.DEFAULTS, Policy.NONE, applied::add, null,
                runner);
        model.readTimeout.set(61);

        model.save(); // on the FX thread: it only hands the write over
        model.save(); // a second click while the first is under way adds no second write
        assertThat(new SettingsStore(config).load().readTimeoutSeconds()).as("not written by the caller")
                .isNotEqualTo(61);
        assertThat(applied).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Saving...");
        assertThat(runner.pending()).hasSize(1);

        runner.runAll();
        assertThat(new SettingsStore(config).load().readTimeoutSeconds()).isEqualTo(61);
        assertThat(applied).singleElement().satisfies(s -> assertThat(s.readTimeoutSeconds()).isEqualTo(61));
        assertThat(model.messageProperty().get()).isEqualTo("Saved and applied.");
    }

    @Test
    void aWriteThatFailsSaysSoAndAppliesNothing() throws Exception {
        SettingsStore store = store(Settings.DEFAULTS);
        SettingsViewModel model = new SettingsViewModel(store, Settings.DEFAULTS, Policy.NONE, applied::add, null,
                new SameThreadTaskRunner());
        Files.delete(config.resolve("settings.json"));
        Files.createDirectory(config.resolve("settings.json")); // a file cannot be written where a folder is
        model.readTimeout.set(61);
        model.save();
        assertThat(model.messageProperty().get()).startsWith("Cannot save settings");
        assertThat(applied).isEmpty();
    }

    @Test
    void aTextSizeChosenIsSavedAndInForceAtTheNextStart() {
        SettingsStore store = store(Settings.DEFAULTS);
        SettingsViewModel model = open(store, Policy.NONE);
        assertThat(model.textSize.get()).isEqualTo(100);

        model.textSize.set(125);
        model.save();

        assertThat(applied).last().extracting(Settings::textSizePercent).isEqualTo(125);
        assertThat(new SettingsStore(config).load().textSizePercent()).as("what the next start reads").isEqualTo(125);
        assertThat(open(new SettingsStore(config), Policy.NONE).textSize.get()).isEqualTo(125);
    }

    @Test
    void aTextSizeNotOnOfferIsReadAsTheThemesOwn() {
        assertThat(Settings.DEFAULTS.withTextSizePercent(175).textSizePercent()).isEqualTo(100);
        assertThat(Settings.DEFAULTS.withTextSizePercent(150).textSizePercent()).isEqualTo(150);
    }

    @Test
    void theSandboxsBlockTimeIsSavedForItsNextStartAndTenByDefault() {
        SettingsStore store = store(Settings.DEFAULTS);
        SettingsViewModel model = open(store, Policy.NONE);
        assertThat(model.blockSeconds.get()).isEqualTo("10");

        model.blockSeconds.set(" 3 ");
        model.save();

        assertThat(new SettingsStore(config).load().sandboxBlockSeconds()).isEqualTo(3);
        assertThat(model.blockSecondsProblemProperty().get()).isEmpty();
        assertThat(model.messageProperty().get()).isEqualTo("Saved and applied.");
    }

    @Test
    void aBlockTimeThatIsNotAWholeNumberOfAtLeastOneIsRefusedAndNothingTypedIsLost() {
        SettingsStore store = store(Settings.DEFAULTS);
        SettingsViewModel model = open(store, Policy.NONE);
        for (String typed : new String[] {"0", "-2", "2.5", "ten", "", "99999999999"}) {
            model.readTimeout.set(45);
            model.theme.set("dark");
            model.blockSeconds.set(typed);
            model.save();

            assertThat(model.blockSecondsProblemProperty().get()).as(typed)
                    .startsWith("Seconds between blocks: a whole number of at least 1");
            assertThat(model.messageProperty().get()).as(typed).startsWith("Not saved.");
            assertThat(model.blockSeconds.get()).as("the typed text stays to be corrected").isEqualTo(typed);
            assertThat(model.readTimeout.get()).as("the rest of the screen too").isEqualTo(45);
            assertThat(model.theme.get()).isEqualTo("dark");
            assertThat(applied).as("nothing applied").isEmpty();
            assertThat(new SettingsStore(config).load()).as("nothing written").isEqualTo(Settings.DEFAULTS);
        }
        // corrected: the problem goes as the operator types, and the save goes through with the rest
        model.blockSeconds.set("5");
        assertThat(model.blockSecondsProblemProperty().get()).isEmpty();
        model.save();
        Settings written = new SettingsStore(config).load();
        assertThat(written.sandboxBlockSeconds()).isEqualTo(5);
        assertThat(written.readTimeoutSeconds()).isEqualTo(45);
        assertThat(written.theme()).isEqualTo("dark");
    }

    @Test
    void aFileEditedToZeroBlockSecondsStartsTheSandboxWithTheDefault() {
        assertThat(Settings.DEFAULTS.withSandboxBlockSeconds(0).sandboxBlockSeconds())
                .isEqualTo(Settings.DEFAULT_BLOCK_SECONDS);
    }
}

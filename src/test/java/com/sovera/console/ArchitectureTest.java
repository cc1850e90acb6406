package com.sovera.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layers of the house: ui -> api -> chain; the sandbox is a room of its own that only start-up opens.
 * Plain ArchUnit rules checked from JUnit tests (ArchUnit's own JUnit 5 engine ran no rule under surefire here).
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.sovera.console");
    }

    @Test
    void apiHasNoJavaFx() {
        noClasses().that().resideInAPackage("..console.api..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void chainHasNoJavaFxNoHttpAndNothingAboveIt() {
        noClasses().that().resideInAPackage("..console.chain..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "retrofit2..", "okhttp3..",
                        "com.sovera.console.api..", "com.sovera.console.sandbox..").check(classes);
    }

    @Test
    void apiDoesNotReachTheSandbox() {
        noClasses().that().resideInAPackage("..console.api..")
                .should().dependOnClassesThat().resideInAnyPackage("com.sovera.console.sandbox..").check(classes);
    }

    @Test
    void theSandboxSharesOnlyChainAndTheModels() {
        noClasses().that().resideInAPackage("..console.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "retrofit2..", "okhttp3..",
                        "com.sovera.console.platform..")
                .orShould().dependOnClassesThat().resideInAPackage("com.sovera.console.api")
                .because("the sandbox is its own room: it shares only the model classes and chain")
                .check(classes);
    }

    @Test
    void onlyStartUpCodeUsesTheSandbox() {
        noClasses().that().resideOutsideOfPackages("com.sovera.console", "com.sovera.console.sandbox..")
                .should().dependOnClassesThat().resideInAPackage("com.sovera.console.sandbox..").check(classes);
    }

    @Test
    void viewsDoNotTalkHttp() {
        noClasses().that().resideInAnyPackage("..console.shell..", "..console.onboarding..", "..console.activity..",
                        "..console.settings..", "..console.deposit..", "..console.ui..", "..console.lookup..",
                        "..console.session..", "..console.config..", "..console.provision..", "..console.help..",
                        "..console.bulkscreen..")
                .should().dependOnClassesThat().resideInAnyPackage("retrofit2..", "okhttp3..").check(classes);
    }

    @Test
    void onlyTheUiUsesJavaFx() {
        noClasses().that().resideInAnyPackage("..console.api..", "..console.chain..", "..console.sandbox..",
                        "..console.platform..", "..console.policy..", "..console.bulk..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void bulkOnboardingIsAnEngineWithoutAToolkit() {
        noClasses().that().resideInAPackage("..console.bulk..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sovera.console.shell..",
                        "com.sovera.console.onboarding..", "com.sovera.console.lookup..",
                        "com.sovera.console.deposit..", "com.sovera.console.settings..",
                        "com.sovera.console.activity..", "com.sovera.console.help..", "com.sovera.console.ui..",
                        "retrofit2..", "okhttp3..")
                .because("the bulk engine runs in the import command too: a view binds to it, not it to a view")
                .check(classes);
    }

    @Test
    void policyHasNoJavaFxAndKnowsNoFeatureAboveIt() {
        noClasses().that().resideInAPackage("..console.policy..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sovera.console.sandbox..",
                        "com.sovera.console.shell..", "com.sovera.console.onboarding..",
                        "com.sovera.console.activity..", "com.sovera.console.settings..",
                        "com.sovera.console.deposit..", "com.sovera.console.ui..", "com.sovera.console.lookup..",
                        "com.sovera.console.help..", "com.sovera.console.config..", "com.sovera.console.session..")
                .because("the administrator's policy is read before any window and applied by the features")
                .check(classes);
    }

    @Test
    void onlyStartUpReadsThePolicyFile() {
        noClasses().that().resideOutsideOfPackages("com.sovera.console", "com.sovera.console.policy..")
                .should().dependOnClassesThat().belongToAnyOf(com.sovera.console.policy.PolicyFile.class)
                .because("the policy is read once, at start, and handed to what applies it").check(classes);
    }

    @Test
    void nothingCanSwitchCertificateChecksOff() {
        noClasses().should().implement(javax.net.ssl.X509TrustManager.class)
                .orShould().implement(javax.net.ssl.HostnameVerifier.class)
                .orShould().callMethod(okhttp3.OkHttpClient.Builder.class, "sslSocketFactory",
                        javax.net.ssl.SSLSocketFactory.class, javax.net.ssl.X509TrustManager.class)
                .orShould().callMethod(okhttp3.OkHttpClient.Builder.class, "hostnameVerifier",
                        javax.net.ssl.HostnameVerifier.class)
                .because("there is no 'trust all' switch anywhere").check(classes);
    }

    @Test
    void viewModelsHaveOneSuffix() {
        noClasses().that().haveSimpleNameEndingWith("Model").and().haveSimpleNameNotEndingWith("ViewModel")
                .and().resideInAnyPackage("..console.onboarding..", "..console.lookup..", "..console.activity..",
                        "..console.settings..", "..console.help..", "..console.bulkscreen..", "..console.deposit..")
                .should().haveSimpleNameEndingWith("Model")
                .because("a view model's name ends in ViewModel, one suffix for all").allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void theLookupsAndTheWizardsViewModelsReceiveTheSessionNotClientsOrARunner() {
        com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaConstructor> noClientNorRunner =
                new com.tngtech.archunit.lang.ArchCondition<>("take the session's calls, not a client or a runner") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaConstructor made,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        made.getRawParameterTypes().stream().filter(t -> t.isEquivalentTo(
                                com.sovera.console.api.SovxClient.class) || t.isEquivalentTo(
                                com.sovera.console.ui.task.TaskRunner.class)).forEach(t -> events.add(
                                com.tngtech.archunit.lang.SimpleConditionEvent.violated(made, made.getFullName()
                                        + " takes a " + t.getSimpleName())));
                    }
                };
        // the paged list, the export and the wizard's tree picker are parts a view model makes, handing them the
        // session's runner
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors().that().areDeclaredInClassesThat()
                .resideInAnyPackage("..console.lookup..", "..console.onboarding..").and().areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("ViewModel").and().areDeclaredInClassesThat()
                .doNotHaveSimpleName("PagedViewModel").and().areDeclaredInClassesThat()
                .doNotHaveSimpleName("ExportViewModel").and().areDeclaredInClassesThat()
                .doNotHaveSimpleName("TreePickerViewModel")
                .should(noClientNorRunner).because("a view model's calls belong to the session (SessionCalls)")
                .check(classes);
    }

    @Test
    void theBulkScreenReceivesTheSessionNotAClient() {
        // its runner stays: reading files and following a run are the desk's work (a run's last answer, paused or
        // cancelled at the session's end, must still reach the screen)
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.constructors().that().areDeclaredInClassesThat()
                .resideInAnyPackage("..console.bulkscreen..").and().areDeclaredInClassesThat()
                .haveSimpleNameEndingWith("ViewModel").should(new com.tngtech.archunit.lang.ArchCondition<>(
                        "take the session's calls, not a client") {
                    @Override
                    public void check(com.tngtech.archunit.core.domain.JavaConstructor made,
                                      com.tngtech.archunit.lang.ConditionEvents events) {
                        if (made.getRawParameterTypes().stream().anyMatch(t -> t.isEquivalentTo(
                                com.sovera.console.api.SovxClient.class))) {
                            events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(made,
                                    made.getFullName() + " takes a client"));
                        }
                    }
                }).because("a bulk run's clients are derived from the session's account").check(classes);
    }

    @Test
    void viewModelsAndTheServicesBelowThemTouchNoControl() {
        classes().that().haveSimpleNameEndingWith("ViewModel").or().haveSimpleNameEndingWith("Model")
                .and().resideInAnyPackage("..console.onboarding..", "..console.lookup..", "..console.activity..",
                        "..console.settings..", "..console.help..", "..console.bulkscreen..", "..console.deposit..")
                .should(notTouch("javafx.scene..", "javafx.stage.."))
                .because("a view model is tested without a toolkit; only its view knows controls").check(classes);
        noClasses().that().resideInAnyPackage("..console.ui.task..", "..console.session..", "..console.config..",
                        "..console.provision..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..")
                .check(classes);
        noClasses().that().resideInAnyPackage("..console.config..", "..console.provision..")
                .should().dependOnClassesThat().resideInAPackage("javafx..").check(classes);
    }

    @Test
    void theAuditTrailStandsBelowTheScreensOnTheApiClientOnly() {
        noClasses().that().resideInAPackage("..console.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sovera.console.sandbox..",
                        "com.sovera.console.ui..", "com.sovera.console.shell..", "com.sovera.console.onboarding..",
                        "com.sovera.console.lookup..", "com.sovera.console.bulkscreen..", "com.sovera.console.session..",
                        "com.sovera.console.settings..", "com.sovera.console.help..", "com.sovera.console.activity..")
                .because("the console, the bulk run and --import all record through it").check(classes);
    }

    @Test
    void featuresDoNotReachIntoEachOtherOnlyTheShellWiresThem() {
        String[] features = {"onboarding", "lookup", "activity", "settings", "help", "bulkscreen"};
        for (String feature : features) {
            String[] others = java.util.Arrays.stream(features).filter(f -> !f.equals(feature))
                    .map(f -> "com.sovera.console." + f + "..").toArray(String[]::new);
            noClasses().that().resideInAPackage("com.sovera.console." + feature + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(others)
                    .because("screens share only ui, deposit, session, config and provision; the shell wires them")
                    .check(classes);
        }
    }

    private static com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass> notTouch(
            String... packages) {
        return com.tngtech.archunit.lang.conditions.ArchConditions.not(
                com.tngtech.archunit.lang.conditions.ArchConditions.dependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(packages)));
    }

    @Test
    void theRulesSeeTheClasses() {
        org.assertj.core.api.Assertions.assertThat(classes.contain("com.sovera.console.api.SovxClient")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("com.sovera.console.sandbox.SandboxServer")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("com.sovera.console.bulk.BulkRun")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("com.sovera.console.policy.Policy")).isTrue();
        org.assertj.core.api.Assertions.assertThat(classes.contain("com.sovera.console.bulkscreen.BulkViewModel")).isTrue();
    }
}

package com.sovera.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The layers of the house: ui -> api -> chain; the sandbox is a room of its own that only start-up opens. */
@AnalyzeClasses(packages = "com.sovera.console", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule apiHasNoJavaFx = noClasses().that().resideInAPackage("..console.api..")
            .should().dependOnClassesThat().resideInAPackage("javafx..");

    @ArchTest
    static final ArchRule chainHasNoJavaFxAndNoHttp = noClasses().that().resideInAPackage("..console.chain..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "retrofit2..", "okhttp3..",
                    "com.sovera.console.api..", "com.sovera.console.sandbox..");

    @ArchTest
    static final ArchRule apiDoesNotReachUp = noClasses().that().resideInAPackage("..console.api..")
            .should().dependOnClassesThat().resideInAnyPackage("com.sovera.console.sandbox..");

    @ArchTest
    static final ArchRule sandboxUsesOnlyChainAndModels = noClasses().that().resideInAPackage("..console.sandbox..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "retrofit2..", "okhttp3..")
            .orShould().dependOnClassesThat().resideInAPackage("com.sovera.console.api")
            .because("the sandbox shares only the model classes and chain with the console");

    @ArchTest
    static final ArchRule onlyStartUpStartsTheSandbox = noClasses()
            .that().resideOutsideOfPackages("com.sovera.console", "com.sovera.console.sandbox..")
            .should().dependOnClassesThat().resideInAPackage("com.sovera.console.sandbox..");
}

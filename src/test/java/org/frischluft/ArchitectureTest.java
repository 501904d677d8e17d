package org.frischluft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The package rules of STYLE.md, checked on the compiled main classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.frischluft");
    }

    @Test
    void onlyUiAndAppImportJavafx() {
        noClasses().that().resideOutsideOfPackages("org.frischluft.ui..", "org.frischluft.app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void modelDependsOnNothingOfOurs() {
        noClasses().that().resideInAPackage("org.frischluft.model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.frischluft.app..", "org.frischluft.ingest..", "org.frischluft.store..",
                        "org.frischluft.rooms..", "org.frischluft.assess..", "org.frischluft.live..",
                        "org.frischluft.sim..", "org.frischluft.ui..")
                .check(classes);
    }

    @Test
    void storeKnowsOnlyTheModel() {
        noClasses().that().resideInAPackage("org.frischluft.store..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.frischluft.app..", "org.frischluft.ingest..", "org.frischluft.rooms..",
                        "org.frischluft.assess..", "org.frischluft.live..", "org.frischluft.sim..", "org.frischluft.ui..")
                .check(classes);
    }

    @Test
    void ingestDoesNotReachIntoStoreLiveOrUi() {
        noClasses().that().resideInAPackage("org.frischluft.ingest..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.frischluft.app..", "org.frischluft.store..", "org.frischluft.live..",
                        "org.frischluft.assess..", "org.frischluft.sim..", "org.frischluft.ui..")
                .check(classes);
    }

    @Test
    void assessIsPureOfInfrastructure() {
        noClasses().that().resideInAPackage("org.frischluft.assess..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.frischluft.app..", "org.frischluft.ingest..", "org.frischluft.store..",
                        "org.frischluft.live..", "org.frischluft.sim..", "org.frischluft.ui..", "java.sql..")
                .check(classes);
    }

    @Test
    void uiReachesTheStoreOnlyThroughQueries() {
        noClasses().that().resideInAPackage("org.frischluft.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.frischluft.ingest..", "org.frischluft.sim..", "java.sql..")
                .check(classes);
    }
}

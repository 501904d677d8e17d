package org.frischluft;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The package rules of STYLE.md, checked on the compiled main classes: each feature package may import only the
 * packages its row of the table names (besides itself, the JDK and libraries), the feature slices form no cycle,
 * only the screens import JavaFX, only ingest and the simulator speak MQTT, and the screens reach the store only
 * through query services.
 */
class ArchitectureTest {
    private static final String BASE = "org.frischluft.";
    private static final List<String> OURS = List.of("app", "model", "ingest", "store", "rooms", "assess", "live",
            "report", "alert", "fleet", "sim", "settings", "ui", "admin");
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.frischluft");
    }

    /** Our packages {@code feature} must not import: every one of ours except itself and {@code allowed}. */
    private static String[] forbidden(String feature, String allowed) {
        List<String> out = new ArrayList<>();
        List<String> ok = allowed.isBlank() ? List.of() : List.of(allowed.strip().split("\\s+"));
        for (String p : OURS) {
            if (p.equals(feature) || ok.contains(p) || feature.startsWith(p + ".")) continue;
            out.add(BASE + p + "..");
        }
        return out.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0} imports only {1}")
    @CsvSource(delimiter = '|', value = {
        "model    | ",
        "rooms    | model",
        "ingest   | model rooms",
        "store    | model",
        "assess   | model rooms",
        "live     | model assess rooms",
        "report   | model store rooms",
        "alert    | model rooms assess store",
        "fleet    | model rooms",
        "sim      | model rooms",
        "settings | model rooms ingest",
        "admin    | model rooms ingest settings",
    })
    void eachFeatureImportsOnlyWhatStyleMdAllows(String feature, String allowed) {
        ArchRule rule = noClasses().that().resideInAPackage(BASE + feature + "..")
                .should().dependOnClassesThat().resideInAnyPackage(forbidden(feature, allowed == null ? "" : allowed))
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void theScreensImportOnlyLiveAssessRoomsAndModelOfOurs() {
        noClasses().that().resideInAPackage(BASE + "ui..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + "app..", BASE + "ingest..", BASE + "sim..",
                        BASE + "settings..", BASE + "alert..", BASE + "fleet..")
                .check(classes);
    }

    @Test
    void uiReachesTheStoreOnlyThroughQueries() {
        // a screen asks a query service (ui.room.RoomHistory and the like, implemented in app) on a query thread;
        // it never holds the store, a writer, a connection or SQL
        noClasses().that().resideInAPackage(BASE + "ui..")
                .should().dependOnClassesThat().resideInAnyPackage(BASE + "store..", "java.sql..", "javax.sql..", "org.h2..",
                        "org.postgresql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void uiFeaturesStayApartAndShareOnlyUiCommon() {
        slices().matching(BASE + "ui.(*)..").should().notDependOnEachOther()
                .ignoreDependency(com.tngtech.archunit.base.DescribedPredicate.alwaysTrue(),
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(BASE + "ui.common.."))
                .check(classes);
    }

    @Test
    void featureSlicesHaveNoCycles() {
        slices().matching(BASE + "(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyUiAndAppImportJavafx() {
        noClasses().that().resideOutsideOfPackages(BASE + "ui..", BASE + "app..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "eu.hansolo..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void onlyIngestAndTheSimulatorSpeakMqtt() {
        // and the admin's broker connection test, which is an MQTT client by what it does
        noClasses().that().resideOutsideOfPackages(BASE + "ingest..", BASE + "sim..", BASE + "admin.broker..", BASE + "fleet..", "org.eclipse.paho..")
                .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.paho..")
                .check(classes);
    }

    @Test
    void onlyTheStoreSpeaksSql() {
        noClasses().that().resideOutsideOfPackages(BASE + "store..", BASE + "app..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.h2..", "org.postgresql..", "org.flywaydb..")
                .check(classes);
    }

    @Test
    void viewModelsHoldNoNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "eu.hansolo..", "org.controlsfx..")
                .check(classes);
    }

    @Test
    void recordsCrossThreadsEveryModelTypeIsImmutable() {
        classes().that().resideInAPackage(BASE + "model..").and().areNotEnums().and().areNotInterfaces()
                .and().areNotNestedClasses()
                .should().beRecords().orShould().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
                .check(classes);
    }
}

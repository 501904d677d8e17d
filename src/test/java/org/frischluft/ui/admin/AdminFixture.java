package org.frischluft.ui.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.admin.SchoolHistory;
import org.frischluft.app.StoreVersionRows;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.model.Reading;
import org.frischluft.model.SensorModel;
import org.frischluft.model.UnplacedDevices;
import org.frischluft.rooms.PlacementChange;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.TestSchool;
import org.frischluft.rooms.file.SchoolFile;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;
import org.frischluft.ui.UiFixtures;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.UnplacedViewModel;

/**
 * A real admin area: a school file in a temporary folder, its versions and a real reading of an unknown sensor (a
 * TTN v3 uplink from the corpus, decoded as ingest does) in an H2 file there, the editor on its own thread.
 */
final class AdminFixture implements AutoCloseable {
    static final String UNKNOWN_CASE = "ttn-milesight-am319-decoded";

    final UiFixtures.MutableClock clock = UiFixtures.clock();
    final Path file;
    final SchoolCatalog catalog;
    final Store store;
    final SchoolEditor editor;
    final AdminTexts texts;
    final UnplacedViewModel unplaced;
    final Reading reading;
    final ExecutorService adminThread = Executors.newSingleThreadExecutor(r -> new Thread(r, "admin-writer-test"));
    private SchoolModel synced;

    AdminFixture(Path dir, Locale locale, Executor fx) throws Exception {
        file = dir.resolve("school.json");
        SchoolFile.write(school(), file);
        catalog = SchoolCatalog.open(file, clock);
        store = Store.open(StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath())
                .withRawRetention(Duration.ZERO), clock);
        editor = new SchoolEditor(catalog, "admin-test", new SchoolHistory(new StoreVersionRows(store.admin()), clock, dir),
                adminThread);
        for (PlacementChange c : PlacementChange.between(null, catalog.model())) {
            store.placeLater(c.device(), c.room(), c.since(), clock.instant()).get();
        }
        synced = catalog.model();
        reading = ttnReading(catalog.model());
        store.writer().submit(reading);
        store.writer().flush(Duration.ofSeconds(30));
        texts = new AdminTexts(locale);
        unplaced = new UnplacedViewModel(Messages.forLocale(locale), clock);
        editor.reconcile();
    }

    static SchoolModel school() {
        return TestSchool.site("gsp", "Gesamtschule Am Stadtpark")
                .room("r-001", "Raum 001", "Erdgeschoss", 0).sensor("a81758fffe05a3c1", SensorModel.ELSYS_ERS_CO2, null)
                .room("r-002", "Raum 002", "Erdgeschoss", 0)
                .room("r-101", "Raum 101", "1. Obergeschoss", 1).sensor("24e124136b298765", SensorModel.MILESIGHT_EM500_CO2, null)
                .room("r-102", "Physik", "1. Obergeschoss", 1)
                .model();
    }

    /** The decoded reading of the corpus's Milesight AM319 uplink (a device the school file does not know). */
    static Reading ttnReading(SchoolModel school) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                AdminFixture.class.getResourceAsStream("/corpus/cases.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode c = json.readTree(line);
                if (!c.path("id").asText().equals(UNKNOWN_CASE)) continue;
                DecodeResult r = new PayloadDecoder(DecoderSettings.from(school), java.time.Clock.systemUTC())
                        .decode(c.path("topic").asText(), c.path("payload").asText().getBytes(StandardCharsets.UTF_8), null);
                return ((DecodeResult.Decoded) r).readings().get(0);
            }
        }
        throw new IllegalStateException(UNKNOWN_CASE + " missing from the corpus");
    }

    /** What the ingest side would list now: the store's devices in no room. */
    UnplacedDevices seenUnplaced() {
        List<UnplacedDevices.Device> d = store.history().unplacedDevices().stream()
                .filter(s -> catalog.model().roomOf(s.device()).isEmpty())
                .map(s -> new UnplacedDevices.Device(s.device(), s.lastSeen(), s.lastCo2(), s.model(), s.modelSource())).toList();
        return new UnplacedDevices(d.size(), d);
    }

    /** What app.PlacementSync does on the ingest worker for a new version: the store's placements follow it. */
    void syncPlacements() throws Exception {
        SchoolModel now = catalog.model();
        for (PlacementChange c : PlacementChange.between(synced, now)) {
            store.placeLater(c.device(), c.kind() == PlacementChange.Kind.UNASSIGN ? null : c.room(), c.since(), clock.instant()).get();
        }
        synced = now;
    }

    List<AdminTab> tabs(Executor fx) {
        return List.of(new PlacesPane(editor, texts, fx), new SensorsPane(editor, texts, clock, fx),
                new UnplacedPane(editor, texts, unplaced, clock, fx),
                new HistoryPane(editor, texts, clock.getZone(), name -> null, fx));
    }

    @Override
    public void close() {
        adminThread.shutdownNow();
        store.close();
    }
}

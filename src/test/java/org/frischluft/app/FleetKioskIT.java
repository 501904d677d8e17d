package org.frischluft.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.frischluft.admin.KioskAssignments;
import org.frischluft.fleet.ConfigKeys;
import org.frischluft.fleet.ConfigMessage;
import org.frischluft.fleet.ConfigPublisher;
import org.frischluft.fleet.FleetBroker;
import org.frischluft.fleet.FleetFixtures;
import org.frischluft.fleet.FleetRegistry;
import org.frischluft.fleet.FleetTopics;
import org.frischluft.fleet.KioskStatus;
import org.frischluft.fleet.Refusal;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Profiles;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.common.Theme;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Kiosks that configure themselves, over the real Mosquitto (127.0.0.1:1883, else an embedded broker), each test on
 * its own site: a kiosk pairs and shows its room; tampered, unsigned, other-site and replayed configurations are
 * refused and the screen stays as it was; restarted with the broker away it shows its last room; ten kiosks on
 * headless stages follow a school-wide profile change within 5 s.
 */
@ExtendWith(ApplicationExtension.class)
class FleetKioskIT {
    @TempDir
    Path dir;
    private LocalBroker broker;
    private FleetBroker fleetBroker;
    private SiteId site;
    private KeyPair keys;
    private ConfigPublisher publisher;
    private FleetRegistry registry;
    private final List<FleetKiosk> kiosks = new ArrayList<>();
    private final List<Stage> stages = new ArrayList<>();

    @Start
    void start(Stage stage) {
        // kiosks get their own stages
    }

    @BeforeEach
    void setUp() throws Exception {
        broker = LocalBroker.start();
        fleetBroker = new FleetBroker(broker.url(), null, null);
        site = SiteId.of(FleetFixtures.uniqueSite("gs-it"));
        keys = ConfigKeys.newPair();
        publisher = new ConfigPublisher(fleetBroker, keys.getPrivate(), keys.getPublic(), Clock.systemUTC());
        registry = new FleetRegistry(Clock.systemUTC()).connect(fleetBroker, site);
    }

    @AfterEach
    void tearDown() throws Exception {
        kiosks.forEach(FleetKiosk::close);
        for (KioskStatus s : registry.kiosks()) ConfigPublisher.send(fleetBroker, FleetTopics.status(site, s.kiosk()), new byte[0]);
        registry.close();
        // leave no retained messages behind on the shared broker
        ConfigPublisher.send(fleetBroker, FleetTopics.config(site), new byte[0]);
        WaitForAsyncUtils.asyncFx(() -> stages.forEach(Stage::hide)).get();
        broker.close();
    }

    private FleetKiosk kiosk(String id, FleetBroker via) throws Exception {
        FleetKiosk k = new FleetKiosk(via, site, keys.getPublic(), dir.resolve(id), id, Locale.GERMAN, Clock.systemUTC(), Platform::runLater);
        kiosks.add(k);
        WaitForAsyncUtils.asyncFx(() -> {
            Stage s = new Stage();
            Scene scene = new Scene(k.host(), 640, 400);
            Theme.apply(scene);
            s.setScene(scene);
            s.show();
            stages.add(s);
        }).get();
        return k.start();
    }

    private KioskStatus statusOf(String id) {
        return registry.kiosks().stream().filter(s -> s.kiosk().equals(id)).findFirst().orElse(null);
    }

    private Node onScreen(FleetKiosk k) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> k.host().shown()).get();
    }

    private SchoolModel paired(String kiosk, String room) {
        return KioskAssignments.assign(FleetFixtures.school(site.value()), site, kiosk, RoomId.of(room), null);
    }

    @Test
    void anUnpairedKioskAnnouncesItsCodeIsPairedByTheAdminAndShowsItsRoom() throws Exception {
        FleetKiosk k = kiosk("k-pair", fleetBroker);
        assertThat(onScreen(k)).isSameAs(k.host().pairing());
        await().atMost(Duration.ofSeconds(10)).until(() -> statusOf("k-pair") != null && statusOf("k-pair").online());
        KioskStatus announced = statusOf("k-pair");
        assertThat(announced.code()).isEqualTo(k.identity().code());
        assertThat(announced.room()).isNull();

        long t0 = System.nanoTime();
        ConfigPublisher.Published p = publisher.publish(paired("k-pair", "r-204"), site);
        await().atMost(Duration.ofSeconds(5)).until(() -> RoomId.of("r-204").equals(k.shown().room()));
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("pairing: room on screen " + ms + " ms after the admin published");
        assertThat(k.shown().version()).isEqualTo(p.message().version());
        assertThat(WaitForAsyncUtils.asyncFx(() -> k.host().kiosk().viewModel().room().id()).get()).isEqualTo(RoomId.of("r-204"));
        await().atMost(Duration.ofSeconds(5)).until(() -> "r-204".equals(statusOf("k-pair").room())
                && statusOf("k-pair").configVersion() == p.message().version() && statusOf("k-pair").code() == null);

        // its last will: a power cut shows it offline in the fleet
        k.agent().crash();
        await().atMost(Duration.ofSeconds(40)).until(() -> !statusOf("k-pair").online());
        assertThat(statusOf("k-pair").room()).isEqualTo("r-204");
    }

    @Test
    void tamperedUnsignedOtherSiteAndReplayedConfigurationsAreRefusedAndTheScreenStays() throws Exception {
        FleetKiosk k = kiosk("k-guard", fleetBroker);
        ConfigMessage old = ConfigMessage.of(paired("k-guard", "r-205"), site, publisher.nextVersion(), java.time.Instant.now());
        String oldSigned = old.sign(keys.getPrivate(), null);
        ConfigPublisher.Published good = publisher.publish(paired("k-guard", "r-204"), site);
        await().atMost(Duration.ofSeconds(5)).until(() -> RoomId.of("r-204").equals(k.shown().room()));
        Node screen = onScreen(k);
        FleetKiosk.Shown before = k.shown();

        // tampered: the room changed in the signed payload
        String[] parts = good.signed().split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"r-204\"", "\"r-205\"");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refusedWith(k, tampered, Refusal.Reason.TAMPERED, screen, before);
        // unsigned: the same content as plain JSON
        refusedWith(k, payload, Refusal.Reason.UNSIGNED, screen, before);
        // replayed: a genuinely signed, older version
        refusedWith(k, oldSigned, Refusal.Reason.REPLAYED, screen, before);
        // another site's genuine message on this site's topic
        SiteId other = SiteId.of(site.value() + "-x");
        String otherSigned = ConfigMessage.of(KioskAssignments.assign(FleetFixtures.school(other.value()), other, "k-guard",
                RoomId.of("r-205"), null), other, publisher.nextVersion(), java.time.Instant.now()).sign(keys.getPrivate(), null);
        refusedWith(k, otherSigned, Refusal.Reason.OTHER_SITE, screen, before);

        await().atMost(Duration.ofSeconds(5)).until(() -> statusOf("k-guard") != null && statusOf("k-guard").refusalCount() == 4);
        KioskStatus s = statusOf("k-guard");
        assertThat(s.refusals()).containsEntry(Refusal.Reason.TAMPERED, 1).containsEntry(Refusal.Reason.UNSIGNED, 1)
                .containsEntry(Refusal.Reason.REPLAYED, 1).containsEntry(Refusal.Reason.OTHER_SITE, 1);
        assertThat(s.room()).isEqualTo("r-204");
    }

    private void refusedWith(FleetKiosk k, String message, Refusal.Reason reason, Node screen, FleetKiosk.Shown before) throws Exception {
        int n = k.refusals().getOrDefault(reason, 0);
        ConfigPublisher.send(fleetBroker, FleetTopics.config(site), message.getBytes(StandardCharsets.UTF_8));
        await().atMost(Duration.ofSeconds(5)).until(() -> k.refusals().getOrDefault(reason, 0) == n + 1);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onScreen(k)).as("the screen after a " + reason + " message").isSameAs(screen);
        assertThat(k.shown()).isEqualTo(before);
        assertThat(WaitForAsyncUtils.asyncFx(() -> k.host().kiosk().viewModel().room().id()).get()).isEqualTo(RoomId.of("r-204"));
    }

    @Test
    void restartedWithTheBrokerDownItShowsItsLastRoomFromDisk() throws Exception {
        FleetKiosk k = kiosk("k-boot", fleetBroker);
        ConfigPublisher.Published p = publisher.publish(paired("k-boot", "r-112"), site);
        await().atMost(Duration.ofSeconds(5)).until(() -> RoomId.of("r-112").equals(k.shown().room()));
        k.close();

        FleetKiosk again = kiosk("k-boot", new FleetBroker("tcp://127.0.0.1:1", null, null));
        await().atMost(Duration.ofSeconds(5)).until(() -> RoomId.of("r-112").equals(again.shown().room()));
        assertThat(again.shown().fromDisk()).isTrue();
        assertThat(again.shown().version()).isEqualTo(p.message().version());
        assertThat(WaitForAsyncUtils.asyncFx(() -> again.host().kiosk() != null).get()).isTrue();
        assertThat(again.identity().code()).isEqualTo(k.identity().code());
    }

    @Test
    void tenKiosksFollowASchoolWideProfileChangeWithinFiveSeconds() throws Exception {
        SchoolModel school = FleetFixtures.school(site.value());
        List<String> rooms = school.rooms().stream().map(r -> r.id().value()).limit(10).toList();
        List<FleetKiosk> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(kiosk("k-ten-" + i, fleetBroker));
            school = KioskAssignments.assign(school, site, "k-ten-" + i, RoomId.of(rooms.get(i)), null);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> registry.kiosks().stream().filter(KioskStatus::online).count() == 10);
        publisher.publish(school, site);
        await().atMost(Duration.ofSeconds(10)).until(() -> ten.stream().allMatch(k -> k.shown().room() != null));
        assertThat(ten).allSatisfy(k -> assertThat(k.shown().profile()).isEqualTo("uba"));

        SchoolModel flu = KioskAssignments.siteProfile(school, site, Profiles.INFEKTIONSSCHUTZ);
        long t0 = System.nanoTime();
        publisher.publish(flu, site);
        long[] at = new long[10];
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(10)).until(() -> {
            boolean all = true;
            for (int i = 0; i < 10; i++) {
                if (at[i] == 0 && "infektionsschutz".equals(ten.get(i).shown().profile())) at[i] = System.nanoTime() - t0;
                all &= at[i] != 0;
            }
            return all;
        });
        long max = java.util.Arrays.stream(at).max().orElseThrow() / 1_000_000;
        long min = java.util.Arrays.stream(at).min().orElseThrow() / 1_000_000;
        System.out.println("profile change: ten kiosks on the new profile after " + min + " to " + max + " ms (broker " + broker.url() + ")");
        assertThat(max).isLessThan(5_000);
        for (int i = 0; i < 10; i++) assertThat(ten.get(i).shown().room()).isEqualTo(RoomId.of(rooms.get(i)));
    }
}

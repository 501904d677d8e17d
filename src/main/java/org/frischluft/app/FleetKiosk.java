package org.frischluft.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.frischluft.fleet.ConfigVerifier;
import org.frischluft.fleet.KioskAgent;
import org.frischluft.fleet.KioskIdentity;
import org.frischluft.fleet.Refusal;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomId;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.Kiosk;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.Messages;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.RoomViewModels;
import org.frischluft.ui.kiosk.KioskHost;
import org.frischluft.ui.kiosk.KioskView;
import org.frischluft.ui.kiosk.KioskViewModel;
import org.frischluft.ui.kiosk.PairingView;
import org.frischluft.ui.kiosk.PairingViewModel;

/**
 * A kiosk that configures itself (issue 11): the {@link KioskAgent} on its thread, the screen on the FX thread. Without
 * a room it shows the pairing screen; a valid configuration that gives this kiosk a room swaps in that room's kiosk
 * with the room's (or the kiosk's) display policy, the kiosk's language and the site's calendar; a refused one leaves
 * the screen as it is and is counted. At start the last good configuration from disk is shown before the broker
 * answers. {@link #onSchool} hands each applied school to the app (catalog, ingest), which feeds the room's light.
 */
public final class FleetKiosk implements AutoCloseable {
    /** What the screen shows now: version applied, the room (null: pairing), profile, policy and language. */
    public record Shown(long version, RoomId room, String profile, DisplayPolicy policy, Locale language, boolean fromDisk) {
    }

    private final KioskAgent agent;
    private final KioskIdentity identity;
    private final Executor fx;
    private final Clock clock;
    private final Locale defaultLocale;
    private final KioskHost host = new KioskHost();
    private final PairingView pairing;
    private volatile Shown shown = new Shown(0, null, null, null, null, false);
    private volatile Map<Refusal.Reason, Integer> refusals = Map.of();
    private volatile Consumer<SchoolModel> onSchool = m -> { };
    private volatile java.util.function.BiConsumer<RoomViewModels, AppStatusViewModel> onScreen = (r, s) -> { };
    private AppStatusViewModel status;
    private String broker;

    /**
     * @param fx where screen work runs ({@code Platform::runLater})
     */
    public FleetKiosk(org.frischluft.fleet.FleetBroker broker, SiteId site, java.security.PublicKey key, Path dir,
                      String kioskId, Locale locale, Clock clock, Executor fx) throws IOException {
        this.identity = KioskIdentity.loadOrCreate(dir, kioskId);
        this.fx = Objects.requireNonNull(fx, "fx");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.defaultLocale = locale;
        this.broker = broker.url();
        Messages messages = Messages.forLocale(locale);
        this.pairing = new PairingView(new PairingViewModel(messages, identity.displayCode(), identity.id(), site.value(), identity.qrText()));
        this.status = new AppStatusViewModel(messages, clock);
        this.agent = new KioskAgent(new KioskAgent.Options(broker, site, key, dir, identity, appVersion(), clock), new KioskAgent.Listener() {
            @Override
            public void applied(ConfigVerifier.Accepted config, boolean fromDisk) {
                fx.execute(() -> apply(config, fromDisk));
            }

            @Override
            public void refused(Refusal refusal, Map<Refusal.Reason, Integer> counts) {
                refusals = counts;
                int total = counts.values().stream().mapToInt(Integer::intValue).sum();
                fx.execute(() -> pairing.viewModel().applyRefused(refusal.reason().key(), total));
            }

            @Override
            public void link(LinkStatus s) {
                fx.execute(() -> {
                    pairing.viewModel().applyLink(s.state(), s.broker());
                    status.applyLink(s);
                });
            }
        });
        host.show(pairing);
    }

    /** Builds the screen first (FX thread), then starts the agent: the last good room from disk, then the broker. */
    public FleetKiosk start() throws IOException {
        agent.start();
        return this;
    }

    /** Each applied school (FX thread, before the screen is built): the app swaps its catalog to it. */
    public void onSchool(Consumer<SchoolModel> listener) {
        this.onSchool = Objects.requireNonNull(listener, "listener");
    }

    /** After a room's kiosk is on screen (FX thread): its room view models and status, for the app's pump. */
    public void onScreen(java.util.function.BiConsumer<RoomViewModels, AppStatusViewModel> listener) {
        this.onScreen = Objects.requireNonNull(listener, "listener");
    }

    public KioskHost host() {
        return host;
    }

    public Shown shown() {
        return shown;
    }

    public Map<Refusal.Reason, Integer> refusals() {
        return refusals;
    }

    public KioskIdentity identity() {
        return identity;
    }

    public KioskAgent agent() {
        return agent;
    }

    private void apply(ConfigVerifier.Accepted config, boolean fromDisk) {
        SchoolModel school = config.school();
        onSchool.accept(school);
        Kiosk k = school.kiosk(identity.id()).orElse(null);
        long version = config.message().version();
        if (k == null || k.room() == null || !school.hasRoom(k.room())) {
            shown = new Shown(version, null, null, null, null, fromDisk);
            host.show(pairing);
            return;
        }
        RoomId room = k.room();
        Locale locale = k.language() != null ? k.language() : defaultLocale;
        Messages messages = Messages.forLocale(locale);
        RoomViewModels rooms = new RoomViewModels(school, messages, clock);
        AppStatusViewModel nextStatus = new AppStatusViewModel(messages, clock);
        status = nextStatus;
        RoomViewModel vm = rooms.get(room);
        DisplayPolicy policy = school.displayOf(k);
        KioskViewModel kvm = new KioskViewModel(vm, nextStatus, policy, school.calendarOf(room), clock);
        vm.lightProperty().addListener((obs, o, n) -> agent.showing(n == null ? null : n.name(),
                vm.snapshotProperty().get() == null ? null : vm.snapshotProperty().get().lastReading()));
        agent.showing(vm.getLight() == null ? null : vm.getLight().name(), null);
        this.rooms = rooms;
        shown = new Shown(version, room, school.profileOf(room).id(), policy, locale, fromDisk);
        host.show(new KioskView(kvm));
        onScreen.accept(rooms, nextStatus);
    }

    private RoomViewModels rooms;

    /** The room view models of the room shown (FX thread), for the app's pump; null while pairing. */
    public RoomViewModels rooms() {
        return rooms;
    }

    static String appVersion() {
        String v = FleetKiosk.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public void close() {
        agent.close();
    }
}

package org.frischluft.ui.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import org.frischluft.live.LiveState;
import org.frischluft.model.LinkStatus;
import org.frischluft.model.RoomSnapshot;
import org.frischluft.rooms.SchoolCatalog;
import org.frischluft.rooms.SchoolVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one hop from the ingest side to the screens: every 200 ms on the FX thread it first follows a new school
 * model version (view models for new rooms, filled from the live state; screens rebuilt), then drains its own
 * {@link LiveState.Feed}, applies each changed snapshot to its room's view model and link/store changes to the
 * {@link AppStatusViewModel} (rejected messages too), takes a new state of the alerts, and once a second ticks
 * every age. No JDBC, no
 * blocking, latest value wins.
 */
public final class FxPump {
    private static final Logger LOG = LoggerFactory.getLogger(FxPump.class);
    static final javafx.util.Duration PERIOD = javafx.util.Duration.millis(200);
    private static final Duration AGE_TICK = Duration.ofSeconds(1);

    private final LiveState live;
    private final LiveState.Feed feed;
    private final SchoolCatalog catalog;
    private final RoomViewModels rooms;
    private final AppStatusViewModel status;
    private final Clock clock;
    private Timeline timeline;
    private Instant lastAgeTick = Instant.MIN;
    private long unknownRooms;
    private long appliedVersion;
    private SchoolCatalog.Reload shownRefusal;
    private AlertsViewModel alerts;
    private long alertsVersion = -1;
    private long applied;
    private final java.util.List<Runnable> onTick = new java.util.ArrayList<>();

    public FxPump(LiveState live, SchoolCatalog catalog, RoomViewModels rooms, AppStatusViewModel status, Clock clock) {
        this.live = Objects.requireNonNull(live, "live");
        this.feed = live.subscribe();
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.appliedVersion = catalog.current().number();
        this.rooms = Objects.requireNonNull(rooms, "rooms");
        this.status = Objects.requireNonNull(status, "status");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Also follows the alerts: their list and sensor health, read from its feed on each tick (no blocking). */
    public FxPump followAlerts(AlertsViewModel vm) {
        this.alerts = vm;
        return this;
    }

    /** Starts ticking on the FX thread (may be called from any thread). */
    public void start() {
        onFx(() -> {
            if (timeline == null) {
                timeline = new Timeline(new KeyFrame(PERIOD, e -> tick()));
                timeline.setCycleCount(Animation.INDEFINITE);
            }
            tick();
            timeline.play();
        });
    }

    /** Stops ticking (may be called from any thread). */
    public void stop() {
        onFx(() -> {
            if (timeline != null) timeline.stop();
        });
        feed.close();
    }

    private static void onFx(Runnable r) {
        if (Platform.isFxApplicationThread()) r.run();
        else Platform.runLater(r);
    }

    /** One pump tick; runs on the FX thread (tests call it on the test thread without a toolkit). */
    public void tick() {
        try {
            status.backEndReady(); // a pump exists once the back end does
            followSchool();
            LiveState.Changes changes = feed.drain();
            for (RoomSnapshot s : changes.rooms()) {
                RoomViewModel vm = rooms.get(s.room());
                if (vm == null) {
                    if (rooms.isOnDemand()) { status.applyData(s.lastReading()); continue; } // not on screen now (city view): nothing to do on the FX thread
                    if (unknownRooms++ == 0) LOG.warn("snapshot for room {} that no screen shows (counted, further ones not logged)", s.room());
                    continue;
                }
                status.applyData(s.lastReading());
                try {
                    applied++;
                    vm.apply(s);
                } catch (RuntimeException e) { // one room's bug must not cost the other rooms this tick
                    LOG.error("room {}: could not show a snapshot", s.room(), e);
                }
            }
            for (LinkStatus l : changes.links()) {
                status.applyLink(l);
            }
            if (changes.storeHealth() != null) {
                status.applyStoreHealth(changes.storeHealth());
            }
            if (changes.rejections() != null) {
                status.applyRejections(changes.rejections());
            }
            if (changes.unplaced() != null) {
                status.applyUnplaced(changes.unplaced());
            }
            if (alerts != null) {
                AlertFeed.Snapshot a = alerts.feed().current();
                if (a.version() != alertsVersion) {
                    alertsVersion = a.version();
                    alerts.apply(a);
                }
            }
            for (Runnable r : onTick) r.run();
            Instant now = clock.instant();
            if (Duration.between(lastAgeTick, now).compareTo(AGE_TICK) >= 0 || now.isBefore(lastAgeTick)) {
                lastAgeTick = now;
                rooms.all().forEach(vm -> vm.tick(now));
                status.tick(now);
                if (alerts != null) alerts.tick(now);
            }
        } catch (RuntimeException e) {
            // a bug in one view model must not stop the screens from updating
            LOG.error("FX pump tick failed", e);
        }
    }

    /** A newer school model: view models follow it, new ones start from what the live state already knows. */
    private void followSchool() {
        SchoolCatalog.Reload refusal = catalog.lastRefusal();
        if (refusal != shownRefusal) {
            shownRefusal = refusal;
            status.applySchoolRefusal(refusal, catalog.file() == null ? null : catalog.file().toString());
        }
        SchoolVersion v = catalog.current();
        if (v.number() == appliedVersion) return;
        appliedVersion = v.number();
        for (RoomViewModel vm : rooms.apply(v.model())) {
            live.room(vm.id()).ifPresent(vm::apply);
        }
    }

    /** Also runs {@code action} on every tick, after the rooms (the city view takes its aggregates then). */
    public FxPump onTick(Runnable action) {
        onTick.add(Objects.requireNonNull(action, "action"));
        return this;
    }

    /** Snapshots applied to a room's view model so far (a city view applies only those on screen). */
    public long applied() {
        return applied;
    }

    /** Snapshots received for rooms without a view model. */
    public long unknownRooms() {
        return unknownRooms;
    }
}

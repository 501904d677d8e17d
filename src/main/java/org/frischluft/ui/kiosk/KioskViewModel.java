package org.frischluft.ui.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.rooms.Brightness;
import org.frischluft.rooms.DisplayPolicy;
import org.frischluft.rooms.SchoolCalendar;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.RoomViewModel;

/**
 * The kiosk of one room: the room's view model, the application status, the wall clock (in the site's zone) and
 * the brightness its {@link DisplayPolicy} asks for under the site's calendar, and whether the room is simulated (the demo). Follows the status model's once-a-second tick, so the
 * {@link org.frischluft.ui.common.FxPump} drives it like everything else. FX thread only; no nodes.
 */
public final class KioskViewModel {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm");

    private final RoomViewModel room;
    private final AppStatusViewModel status;
    private DisplayPolicy policy;
    private SchoolCalendar calendar;
    private final Clock clock;
    private final boolean demo;
    private final ReadOnlyStringWrapper clockText = new ReadOnlyStringWrapper(this, "clockText");
    private final ReadOnlyObjectWrapper<Brightness> brightness = new ReadOnlyObjectWrapper<>(this, "brightness", Brightness.FULL);

    /** The kiosk of a real room. */
    public KioskViewModel(RoomViewModel room, AppStatusViewModel status, DisplayPolicy policy, SchoolCalendar calendar,
                          Clock clock) {
        this(room, status, policy, calendar, clock, false);
    }

    /**
     * The kiosk; {@code demo} when the room is simulated, so the screen says so.
     *
     * @param calendar the room's site calendar: school time for the policy, the zone of the clock shown
     */
    public KioskViewModel(RoomViewModel room, AppStatusViewModel status, DisplayPolicy policy, SchoolCalendar calendar,
                          Clock clock, boolean demo) {
        this.demo = demo;
        this.room = Objects.requireNonNull(room, "room");
        this.status = Objects.requireNonNull(status, "status");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.calendar = Objects.requireNonNull(calendar, "calendar");
        this.clock = Objects.requireNonNull(clock, "clock");
        status.nowProperty().addListener((obs, old, now) -> refresh(now));
        room.lightProperty().addListener((obs, old, light) -> refresh(clock.instant()));
        refresh(clock.instant());
    }

    private void refresh(Instant now) {
        clockText.set(CLOCK.format(now.atZone(calendar.zone())));
        brightness.set(policy.brightness(room.getLight(), now, calendar));
    }

    /** The school model changed: the policy and calendar that apply now (FX thread). */
    public void applySchool(DisplayPolicy nextPolicy, SchoolCalendar nextCalendar) {
        this.policy = Objects.requireNonNull(nextPolicy, "nextPolicy");
        this.calendar = Objects.requireNonNull(nextCalendar, "nextCalendar");
        refresh(clock.instant());
    }

    public RoomViewModel room() {
        return room;
    }

    public AppStatusViewModel status() {
        return status;
    }

    public DisplayPolicy policy() {
        return policy;
    }

    public SchoolCalendar calendar() {
        return calendar;
    }

    /** "Demo — simulierte Schule" when the room is simulated, else empty. */
    public String demoText() {
        return demo ? room.messages().get("demo.badge") : "";
    }

    /** "08:15" in the clock's zone. */
    public ReadOnlyStringProperty clockTextProperty() { return clockText.getReadOnlyProperty(); }
    /** What the display policy asks for now. */
    public ReadOnlyObjectProperty<Brightness> brightnessProperty() { return brightness.getReadOnlyProperty(); }

    public String getClockText() { return clockText.get(); }
    public Brightness getBrightness() { return brightness.get(); }
}

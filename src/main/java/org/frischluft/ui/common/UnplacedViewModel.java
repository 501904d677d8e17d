package org.frischluft.ui.common;

import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.model.UnplacedDevices;

/**
 * Devices that send readings but are in no room ("seen but not placed"), as the admin sees them: "2 Sensoren ohne
 * Raum" for the header (empty while there are none) and one row per device, newest first, with its last reading and
 * the model Frischluft inferred for it (and how), so the admin can put it into the school file. Fed by the
 * {@link FxPump} through {@link AppStatusViewModel#applyUnplaced}. FX thread only.
 */
public final class UnplacedViewModel {
    /** One device, ready to show. */
    public record Row(String device, String lastSeen, String lastCo2, String model) {
    }

    private final Messages messages;
    private final Clock clock;
    private final DateTimeFormatter today;
    private final DateTimeFormatter otherDay;
    private final ReadOnlyBooleanWrapper any = new ReadOnlyBooleanWrapper(this, "any");
    private final ReadOnlyStringWrapper headerText = new ReadOnlyStringWrapper(this, "headerText", "");
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper(this, "shownText", "");
    private final ReadOnlyObjectWrapper<List<Row>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());

    public UnplacedViewModel(Messages messages, Clock clock) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.today = DateTimeFormatter.ofPattern(messages.get("unplaced.time.today"), messages.locale());
        this.otherDay = DateTimeFormatter.ofPattern(messages.get("unplaced.time.other"), messages.locale());
        shownText.set(messages.get("unplaced.none"));
    }

    /** The latest list from the ingest side. */
    public void apply(UnplacedDevices devices) {
        UnplacedDevices d = devices == null ? UnplacedDevices.NONE : devices;
        ZonedDateTime now = clock.instant().atZone(clock.getZone());
        List<Row> r = new ArrayList<>(d.devices().size());
        for (UnplacedDevices.Device dev : d.devices()) {
            r.add(new Row(dev.device().value(), dev.lastSeen() == null ? "–" : time(dev.lastSeen(), now),
                    dev.lastCo2() == null ? "–" : messages.get("unplaced.ppm", messages.integer(Math.round(dev.lastCo2()))),
                    model(dev)));
        }
        any.set(!d.isEmpty());
        headerText.set(d.isEmpty() ? "" : d.total() == 1 ? messages.get("unplaced.one")
                : messages.get("unplaced.count", messages.integer(d.total())));
        shownText.set(d.isEmpty() ? messages.get("unplaced.none")
                : d.total() > r.size() ? messages.get("unplaced.shown", messages.integer(r.size()), messages.integer(d.total()))
                : messages.get("unplaced.all", messages.integer(d.total())));
        rows.set(List.copyOf(r));
    }

    private String model(UnplacedDevices.Device d) {
        if (d.model() == null) return messages.get("unplaced.model.network");
        String key = "unplaced.source." + d.modelSource();
        String how = d.modelSource() == null || !messages.has(key) ? null : messages.get(key);
        return how == null ? d.model() : messages.get("unplaced.model", d.model(), how);
    }

    private String time(Instant t, ZonedDateTime now) {
        ZonedDateTime z = t.atZone(now.getZone());
        return (z.toLocalDate().equals(now.toLocalDate()) ? today : otherDay).format(z);
    }

    /** True while any device is seen but not placed. */
    public ReadOnlyBooleanProperty anyProperty() { return any.getReadOnlyProperty(); }
    /** "2 Sensoren ohne Raum" / "2 sensors in no room"; empty while there are none. */
    public ReadOnlyStringProperty headerTextProperty() { return headerText.getReadOnlyProperty(); }
    /** "Alle 2" / "Die neuesten 200 von 312" / "Jeder sendende Sensor ist einem Raum zugeordnet". */
    public ReadOnlyStringProperty shownTextProperty() { return shownText.getReadOnlyProperty(); }
    /** Newest first. */
    public ReadOnlyObjectProperty<List<Row>> rowsProperty() { return rows.getReadOnlyProperty(); }

    public String getHeaderText() { return headerText.get(); }
    public String getShownText() { return shownText.get(); }
    public List<Row> getRows() { return rows.get(); }
    public Messages messages() { return messages; }
}

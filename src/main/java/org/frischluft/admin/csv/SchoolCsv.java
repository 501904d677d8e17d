package org.frischluft.admin.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.frischluft.rooms.Building;
import org.frischluft.rooms.RoomLocation;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Sensor;

/**
 * The rooms and sensors of a school as two spreadsheets (see {@code docs/config-csv.md}): {@link #importInto} reads
 * them into a new {@link SchoolModel} with a summary of what changed, or every bad line; {@link #exportRooms} and
 * {@link #exportSensors} write what an import reads back to the same model. No file is touched here: the caller
 * writes the model atomically (see {@code SchoolFile.write}).
 */
public final class SchoolCsv {
    private SchoolCsv() {
    }

    /** A CSV file's name (as problems name it, e.g. {@code rooms.csv}) and its bytes. */
    public record Input(String name, byte[] bytes) {
        public Input {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(bytes, "bytes");
        }
    }

    /**
     * How an export is written: the separator ({@code ;} for German Excel, or {@code ,}), the language of the header
     * line and of decimal numbers ({@code 180,5} in German), and whether a byte order mark leads (Excel needs one to
     * see UTF-8).
     */
    public record Style(char delimiter, Locale language, boolean bom) {
        public Style {
            if (delimiter != ';' && delimiter != ',' && delimiter != '\t') {
                throw new IllegalArgumentException("separator must be ; , or a tab, not " + delimiter);
            }
            language = language == null ? Locale.ENGLISH : language;
        }

        boolean german() {
            return language.getLanguage().equals("de");
        }
    }

    /**
     * Applies {@code rooms} and, if not null, {@code sensors} to {@code current}; nothing is written.
     *
     * @param schoolFile the school file the model came from (its folder resolves an .ics file; its name leads problems
     *                   of the result's validation)
     */
    public static ImportResult importInto(SchoolModel current, Input rooms, Input sensors, Path schoolFile) {
        Path dir = schoolFile.toAbsolutePath().getParent();
        return CsvImport.run(current, rooms, sensors, dir, schoolFile.getFileName().toString());
    }

    /** One line per room: site, building, floor, floor order, room id, name, volume, seats, profile, display. */
    public static String exportRooms(SchoolModel model, Style style) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (RoomColumn c : RoomColumn.values()) header.add(style.german() ? c.spec().german() : c.spec().english());
        rows.add(header);
        for (RoomLocation l : model.roomLocations()) {
            var r = l.room();
            rows.add(List.of(l.site().id().value(), buildingRef(l), l.floor().name(), Integer.toString(l.floor().order()),
                    r.id().value(), r.name(), r.volumeM3() > 0 ? number(r.volumeM3(), style) : "",
                    r.seats() > 0 ? Integer.toString(r.seats()) : "", r.profile() == null ? "" : r.profile().id(),
                    r.display() == null ? "" : r.display().setting()));
        }
        return print(rows, style);
    }

    /** One line per placement (a sensor moved between rooms has several): device, room id, model, since, broker. */
    public static String exportSensors(SchoolModel model, Style style) {
        List<List<String>> rows = new ArrayList<>();
        List<String> header = new ArrayList<>();
        for (SensorColumn c : SensorColumn.values()) header.add(style.german() ? c.spec().german() : c.spec().english());
        rows.add(header);
        for (RoomLocation l : model.roomLocations()) {
            for (Sensor s : l.room().sensors()) {
                rows.add(List.of(s.device().value(), l.room().id().value(), s.model() == null ? "" : s.model().id(),
                        since(s.since(), l.site().calendar().zone()), s.broker() == null ? "" : s.broker()));
            }
        }
        return print(rows, style);
    }

    /** The building's name, or its id where the name would not say which building it is. */
    private static String buildingRef(RoomLocation l) {
        Building b = l.building();
        long same = l.site().buildings().stream()
                .filter(o -> o != b && (o.name().equalsIgnoreCase(b.name()) || o.id().equals(b.name()))).count();
        return same == 0 ? b.name() : b.id();
    }

    private static String number(double v, Style style) {
        String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
        return style.german() ? s.replace('.', ',') : s;
    }

    /** The date alone when the placement starts at midnight of the site's zone (as an import of a date gives). */
    private static String since(Instant since, ZoneId zone) {
        if (since == null) return "";
        ZonedDateTime z = since.atZone(zone);
        return z.toLocalTime().equals(java.time.LocalTime.MIDNIGHT) ? z.toLocalDate().toString() : since.toString();
    }

    private static String print(List<List<String>> rows, Style style) {
        StringBuilder out = new StringBuilder();
        if (style.bom()) out.append('\uFEFF');
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(style.delimiter()).setRecordSeparator("\r\n").get();
        try (CSVPrinter p = new CSVPrinter(out, format)) {
            for (List<String> row : rows) p.printRecord(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return out.toString();
    }
}

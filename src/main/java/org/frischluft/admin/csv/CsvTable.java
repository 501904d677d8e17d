package org.frischluft.admin.csv;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.frischluft.rooms.Problems;

/**
 * One spreadsheet saved as CSV: UTF-8 with or without a byte order mark, cells separated by semicolons (German
 * Excel), commas or tabs (whichever the header line uses most), a header line naming the columns in German or
 * English. Every data row keeps its line number in the file, so a problem says where it is ({@code rooms.csv:17}).
 */
final class CsvTable<C extends Enum<C> & CsvTable.Column> {
    /** A column and the header words that name it. */
    interface Column {
        /** Its headers, whether a line needs it, and the header words accepted. */
        ColumnSpec spec();

        /** Header words, already {@linkplain #normalise normalised}. */
        default List<String> aliases() {
            return spec().aliases();
        }

        default boolean required() {
            return spec().required();
        }

        /** The English and the German header, for messages. */
        default String label() {
            return spec().label();
        }
    }

    /**
     * One data row: its first line in the file and its cells by column (blank cells left out); {@code extraCells} &gt; 0
     * when the line has more (non-blank) cells than the header, which its reader reports in line order.
     */
    record Row<C extends Enum<C>>(int line, Map<C, String> cells, int cellCount, int headerCount) {
        boolean tooManyCells() {
            return cellCount > headerCount;
        }

        /** Reports a line with more cells than the header; true if it had. */
        boolean reportTooMany(String at, Problems problems) {
            if (tooManyCells()) problems.error(at, "csv.cells-extra", cellCount, headerCount);
            return tooManyCells();
        }

        Optional<String> get(C column) {
            return Optional.ofNullable(cells.get(column));
        }
    }

    final String name;
    final List<Row<C>> rows;
    final Map<C, Integer> columns;

    private CsvTable(String name, Map<C, Integer> columns, List<Row<C>> rows) {
        this.name = name;
        this.columns = columns;
        this.rows = rows;
    }

    boolean has(C column) {
        return columns.containsKey(column);
    }

    /**
     * Reads {@code bytes}; every problem (not UTF-8, no header, a required column missing, a header twice, a line with
     * more cells than the header) goes to {@code problems} at {@code name:line}. Null when the file cannot be read
     * as a table at all; an unknown header is a warning and its column is not read.
     */
    static <C extends Enum<C> & Column> CsvTable<C> read(String name, byte[] bytes, Class<C> type, Problems problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.error(name, "csv.not-utf8");
            return null;
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) {
            problems.error(name, "csv.empty");
            return null;
        }
        int[] lineStarts = lineStarts(text);
        char delimiter = delimiter(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).setTrim(true).get();
        List<CSVRecord> records;
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            records = parser.getRecords();
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            problems.error(name, "csv.syntax", e.getMessage());
            return null;
        }
        if (records.isEmpty()) {
            problems.error(name, "csv.empty");
            return null;
        }
        CSVRecord header = records.get(0);
        String at = name + ":" + line(lineStarts, header.getCharacterPosition());
        Map<C, Integer> columns = new EnumMap<>(type);
        for (int i = 0; i < header.size(); i++) {
            String word = header.get(i);
            if (word.isBlank()) continue;
            Optional<C> c = column(type, word);
            if (c.isEmpty()) {
                problems.warning(at, "csv.column-unknown", word, known(type));
                continue;
            }
            Integer first = columns.putIfAbsent(c.get(), i);
            if (first != null) problems.error(at, "csv.column-twice", word, header.get(first));
        }
        boolean missing = false;
        for (C c : type.getEnumConstants()) {
            if (c.required() && !columns.containsKey(c)) {
                problems.error(at, "csv.column-missing", c.label());
                missing = true;
            }
        }
        if (missing) return null;
        List<Row<C>> rows = new ArrayList<>();
        for (CSVRecord r : records.subList(1, records.size())) {
            int line = line(lineStarts, r.getCharacterPosition());
            boolean blank = true;
            for (String v : r) blank &= v.isBlank();
            if (blank) continue; // Excel's ";;;;" below the table
            int count = r.size();
            while (count > header.size() && r.get(count - 1).isBlank()) count--;
            Map<C, String> cells = new EnumMap<>(type);
            columns.forEach((c, i) -> {
                if (i < r.size() && !r.get(i).isBlank()) cells.put(c, r.get(i).strip());
            });
            rows.add(new Row<>(line, cells, count, header.size()));
        }
        return new CsvTable<>(name, columns, rows);
    }

    /** The column {@code header} names, if any. */
    static <C extends Enum<C> & Column> Optional<C> column(Class<C> type, String header) {
        String n = normalise(header);
        return Arrays.stream(type.getEnumConstants()).filter(c -> c.aliases().contains(n)).findFirst();
    }

    private static <C extends Enum<C> & Column> String known(Class<C> type) {
        return String.join(", ", Arrays.stream(type.getEnumConstants()).map(Column::label).toList());
    }

    /** Lower case, umlauts spelt out, ³ as 3, only letters and digits: "Volumen (m³)" → "volumenm3". */
    static String normalise(String header) {
        String s = header.strip().toLowerCase(Locale.ROOT).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
                .replace("ß", "ss").replace("³", "3");
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetterOrDigit(c)) b.append(c);
        }
        return b.toString();
    }

    /** The separator the header line uses most outside quotes: ';', ',' or a tab (';' when there is none). */
    static char delimiter(String text) {
        int semicolons = 0;
        int commas = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') quoted = !quoted;
            else if (!quoted && (c == '\n' || c == '\r')) break;
            else if (!quoted && c == ';') semicolons++;
            else if (!quoted && c == ',') commas++;
            else if (!quoted && c == '\t') tabs++;
        }
        if (tabs > semicolons && tabs > commas) return '\t';
        return commas > semicolons ? ',' : ';';
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n')) starts.add(i + 1);
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The 1-based line of character {@code position}. */
    private static int line(int[] starts, long position) {
        int i = Arrays.binarySearch(starts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}

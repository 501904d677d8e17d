package org.frischluft.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.frischluft.model.RejectionSummary;
import org.frischluft.rooms.AtomicFiles;

/**
 * Rejected messages on disk, one JSON object per line, oldest first:
 * {@code {"time":"2025-11-25T09:42:00Z","topic":"…","reason":"implausible-co2: 65535 ppm","excerpt":"…"}}.
 * {@code record} appends to it so that {@code frischluft rejections} can show them later. Bounded: when the
 * file grows past {@code maxLines} it is rewritten atomically with only the newest {@code keep} lines, so
 * a garbage flood never fills the disk. Appending is for one thread; reading is safe at any time (a torn
 * last line is skipped).
 */
public final class RejectionJournal {
    /** Default file name in the user's data folder. */
    public static final String FILE_NAME = "rejections.jsonl";
    public static final int DEFAULT_KEEP = 500;
    public static final int DEFAULT_MAX_LINES = 1000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final int keep;
    private final int maxLines;
    private int lines = -1;

    public RejectionJournal(Path file, int keep, int maxLines) {
        if (keep < 1 || maxLines < keep) throw new IllegalArgumentException("need 1 <= keep <= maxLines");
        this.file = file;
        this.keep = keep;
        this.maxLines = maxLines;
    }

    /** {@value #DEFAULT_KEEP} kept, rewritten past {@value #DEFAULT_MAX_LINES} lines. */
    public RejectionJournal(Path file) {
        this(file, DEFAULT_KEEP, DEFAULT_MAX_LINES);
    }

    public Path file() {
        return file;
    }

    /** Appends {@code entries} (in the order given, oldest first), then trims the file if it grew too long. */
    public void append(List<RejectionSummary.Entry> entries) throws IOException {
        if (entries.isEmpty()) return;
        if (lines < 0) lines = read(file).size();
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            Files.createDirectories(dir);
            ownerOnly(dir, "rwx------");
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE)) {
            for (RejectionSummary.Entry e : entries) {
                w.write(line(e));
                w.write('\n');
            }
        }
        lines += entries.size();
        if (lines > maxLines) trim();
        ownerOnly(file, "rw-------"); // rejected payloads are history too: readable by their owner only
    }

    private static void ownerOnly(Path p, String permissions) {
        if (!java.nio.file.FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) return;
        try {
            var wanted = java.nio.file.attribute.PosixFilePermissions.fromString(permissions);
            if (!Files.getPosixFilePermissions(p).equals(wanted)) Files.setPosixFilePermissions(p, wanted);
        } catch (IOException | UnsupportedOperationException e) {
            // not ours to change (a shared folder): leave it
        }
    }

    private void trim() throws IOException {
        List<RejectionSummary.Entry> all = read(file);
        List<RejectionSummary.Entry> newest = all.subList(Math.max(0, all.size() - keep), all.size());
        StringBuilder sb = new StringBuilder();
        for (RejectionSummary.Entry e : newest) sb.append(line(e)).append('\n');
        AtomicFiles.write(file, sb.toString().getBytes(StandardCharsets.UTF_8));
        lines = newest.size();
    }

    /** One JSON line (without the newline). */
    static String line(RejectionSummary.Entry e) {
        ObjectNode n = JSON.createObjectNode();
        n.put("time", e.time().toString());
        n.put("topic", e.topic());
        n.put("reason", e.reason());
        n.put("excerpt", e.excerpt());
        try {
            return JSON.writeValueAsString(n);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /**
     * Every well-formed line of {@code file}, oldest first; a missing file is empty, a broken line (e.g. torn
     * by a crash mid-write, or edited by hand) is skipped.
     */
    public static List<RejectionSummary.Entry> read(Path file) throws IOException {
        List<RejectionSummary.Entry> out = new ArrayList<>();
        // a lenient decoder: a broken byte must not make the whole file unreadable
        try (BufferedReader r = new BufferedReader(new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                RejectionSummary.Entry e = parse(s);
                if (e != null) out.add(e);
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return out;
    }

    static RejectionSummary.Entry parse(String line) {
        if (line.isBlank()) return null;
        try {
            JsonNode n = JSON.readTree(line);
            if (n == null || !n.isObject() || !n.path("time").isTextual()) return null;
            return new RejectionSummary.Entry(Instant.parse(n.get("time").textValue()), n.path("topic").asText(""),
                    n.path("reason").asText(""), n.path("excerpt").asText(""));
        } catch (JsonProcessingException | DateTimeParseException e) {
            return null;
        }
    }
}

package org.frischluft.admin.broker;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.frischluft.rooms.AtomicFiles;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.Problem;
import org.frischluft.settings.SettingsFile;

/**
 * The broker entries of a settings file, read for editing and written back: every line that is not a
 * {@code broker.*} key (comments, school, db, pin, …) stays where and as it is; the entries are written as one block
 * where the first broker line was. A save checks the whole new file with the settings file's rules first and writes
 * it atomically, so a file that would not load is never written and the old one stays (a password the file takes
 * from an environment variable or a file this computer does not have does not keep it from being saved).
 */
public final class BrokerSettingsFile {
    /**
     * A password through an environment variable or a file that this computer lacks: the settings file is often
     * written on the admin's desktop for a kiosk that has them. It keeps a test from running, not a save.
     */
    static final java.util.Set<String> SECRET_ELSEWHERE = java.util.Set.of("settings.env-unset", "settings.file-unreadable");

    private final Path file;
    private final List<String> lines;
    private final List<BrokerEntry> entries;

    private BrokerSettingsFile(Path file, List<String> lines, List<BrokerEntry> entries) {
        this.file = file;
        this.lines = List.copyOf(lines);
        this.entries = List.copyOf(entries);
    }

    /** Reads {@code file}; a file that does not exist yet reads as one without lines or brokers. */
    public static BrokerSettingsFile load(Path file) throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            text = "";
        }
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Properties p = new Properties();
        p.load(new StringReader(text));
        Map<String, Map<String, String>> byId = new LinkedHashMap<>();
        List<String> lines = new ArrayList<>();
        for (String logical : logicalLines(text)) {
            lines.add(logical);
            String key = key(logical);
            if (key == null || !key.startsWith("broker.")) continue;
            String rest = key.substring("broker.".length());
            int dot = rest.indexOf('.');
            if (dot <= 0) continue;
            String id = rest.substring(0, dot);
            byId.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rest.substring(dot + 1), p.getProperty(key));
        }
        Path dir = file.toAbsolutePath().getParent();
        List<BrokerEntry> entries = new ArrayList<>();
        byId.forEach((id, values) -> entries.add(new BrokerEntry(id, values, dir)));
        return new BrokerSettingsFile(file, lines, entries);
    }

    public Path file() {
        return file;
    }

    public List<BrokerEntry> entries() {
        return entries;
    }

    /** The folder relative paths in entries start from. */
    public Path dir() {
        return file.toAbsolutePath().getParent();
    }

    /**
     * Every problem the settings file would have with {@code next} as its brokers: each entry's own (at
     * {@code broker.<id>.<key>}), a name used twice, and the rest of the file's. Empty: {@link #save} will write.
     */
    public List<Problem> check(List<BrokerEntry> next) {
        List<Problem> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (BrokerEntry e : next) {
            String at = "broker." + e.id();
            if (!e.id().isEmpty() && !ids.add(e.id())) out.add(Problem.error(at, "broker.id-twice", e.id()));
            for (Problem p : e.problems()) {
                if (SECRET_ELSEWHERE.contains(p.code())) continue;
                out.add(new Problem(p.severity(), p.path().equals("id") ? at : at + "." + p.path(), p.code(), p.args()));
            }
        }
        if (!out.isEmpty()) return out;
        try {
            SettingsFile.parse(properties(text(next)), dir(), file.toString());
        } catch (ConfigException e) {
            out.addAll(e.problems().stream().filter(Problem::isError).filter(p -> !SECRET_ELSEWHERE.contains(p.code())).toList());
        } catch (IOException e) {
            out.add(Problem.error("", "file.unreadable", e.getMessage()));
        }
        return out;
    }

    /**
     * Writes {@code next} as the file's brokers, atomically; the file's other lines stay.
     *
     * @return the file as now on disk
     * @throws ConfigException listing every problem (see {@link #check}); nothing is written then
     */
    public BrokerSettingsFile save(List<BrokerEntry> next) throws ConfigException, IOException {
        List<Problem> problems = check(next);
        if (!problems.isEmpty()) throw new ConfigException(file.toString(), problems);
        AtomicFiles.write(file, text(next).getBytes(StandardCharsets.UTF_8));
        return load(file);
    }

    /** The file's text with {@code next} as its brokers. */
    String text(List<BrokerEntry> next) {
        List<String> out = new ArrayList<>();
        boolean written = false;
        for (String line : lines) {
            String key = key(line);
            if (key != null && key.startsWith("broker.")) {
                if (!written) {
                    block(next, out);
                    written = true;
                }
                continue;
            }
            out.add(line);
        }
        if (!written && !next.isEmpty()) {
            if (!out.isEmpty() && !out.get(out.size() - 1).isBlank()) out.add("");
            block(next, out);
        }
        return String.join("\n", out) + "\n";
    }

    private static void block(List<BrokerEntry> next, List<String> out) {
        for (BrokerEntry e : next) {
            e.properties().forEach((k, v) -> out.add(k + " = " + escape(v)));
        }
    }

    private static Properties properties(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    /** A value as {@link Properties#load} reads it back: backslashes doubled, line breaks escaped, a leading space kept. */
    static String escape(String v) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case ' ' -> b.append(i == 0 ? "\\ " : " ");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** The physical lines of {@code text} joined where a line ends in an odd number of backslashes (a continuation). */
    private static List<String> logicalLines(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\r\n|\r|\n", -1)) {
            if (current != null) current.append('\n').append(line);
            else current = new StringBuilder(line);
            if (!continues(line) || isComment(current.toString())) {
                out.add(current.toString());
                current = null;
            }
        }
        if (current != null) out.add(current.toString());
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) out.remove(out.size() - 1);
        return out;
    }

    private static boolean continues(String line) {
        int n = 0;
        for (int i = line.length() - 1; i >= 0 && line.charAt(i) == '\\'; i--) n++;
        return n % 2 == 1;
    }

    private static boolean isComment(String line) {
        String s = line.stripLeading();
        return s.startsWith("#") || s.startsWith("!");
    }

    /** The key of a logical line, or null for a comment or a blank line. */
    private static String key(String line) {
        String s = line.stripLeading();
        if (s.isEmpty() || isComment(s)) return null;
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                b.append(s.charAt(++i));
                continue;
            }
            if (c == '=' || c == ':' || Character.isWhitespace(c)) break;
            b.append(c);
        }
        return b.toString();
    }
}

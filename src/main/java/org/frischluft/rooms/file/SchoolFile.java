package org.frischluft.rooms.file;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.frischluft.rooms.AtomicFiles;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.Problems;
import org.frischluft.rooms.SchoolModel;

/**
 * The school file: JSON an admin can read, diff and keep in git. Reading validates everything at once and
 * returns every problem with its path ({@link #check}); {@link #read} turns errors into one
 * {@link ConfigException} listing them. Writing is atomic: the old file stays until the new one is complete.
 */
public final class SchoolFile {
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .build();

    private SchoolFile() {
    }

    /** What reading a school file gave: the model (null if any error) and every problem, errors and warnings. */
    public record Result(SchoolModel model, List<Problem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }

        public boolean ok() {
            return model != null;
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        public List<Problem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }
    }

    /** Reads and validates {@code file}; never throws for anything in or about the file. */
    public static Result check(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new Result(null, List.of(Problem.error("", "file.missing", file)));
        } catch (IOException e) {
            return new Result(null, List.of(Problem.error("", "file.unreadable", e.getMessage())));
        }
        return parse(bytes, file.toAbsolutePath().getParent());
    }

    /** Validates the bytes of a school file; {@code dir} resolves relative file names in it (an .ics file). */
    public static Result parse(byte[] bytes, Path dir) {
        Problems problems = new Problems();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) {
            problems.error("", "file.empty");
            return new Result(null, problems.list());
        }
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            problems.error("", "json.syntax", at == null ? "?" : at.getLineNr(), at == null ? "?" : at.getColumnNr(),
                    plain(e.getOriginalMessage()));
            return new Result(null, problems.list());
        }
        SchoolModel model = SchoolReader.read(new Node(root, "", problems), dir);
        return new Result(problems.hasErrors() ? null : model, problems.list());
    }

    /** Jackson's words without its source locations (the line and column are said already). */
    static String plain(String message) {
        String m = CalendarReader.firstLine(message);
        m = m.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "").replaceAll("\\s*\\[Source:.*?\\]", "");
        return m.strip();
    }

    /**
     * The model of {@code file}.
     *
     * @throws ConfigException listing every error (and warning) when the file is missing, unreadable or invalid
     */
    public static SchoolModel read(Path file) throws ConfigException {
        Result r = check(file);
        if (!r.ok()) throw new ConfigException(file.toString(), r.problems());
        return r.model();
    }

    public static String toJson(SchoolModel model) {
        return SchoolWriter.write(model);
    }

    /** Writes atomically: a crash leaves the old file or the new one, never a mix. */
    public static void write(SchoolModel model, Path file) throws IOException {
        AtomicFiles.write(file, toJson(model).getBytes(StandardCharsets.UTF_8));
    }
}

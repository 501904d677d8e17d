package org.frischluft.rooms;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.frischluft.model.DeviceId;
import org.frischluft.model.Metric;
import org.frischluft.model.RoomId;

/**
 * Reads and writes a {@link SchoolConfig} as JSON (an open format an admin can diff and keep in git).
 * Reading is strict: unknown keys, duplicate rooms or sensors in unknown rooms fail with a message naming
 * the problem, and the caller keeps its previous configuration. Writing goes to a temporary file in the
 * same directory and is moved into place atomically, so a crash never leaves half a file.
 */
public final class SchoolConfigFile {
    private static final ObjectMapper MAPPER = mapper();

    private SchoolConfigFile() {
    }

    /** A mapper that knows the model's id types and {@link Instant}; shared by the config formats. */
    public static ObjectMapper mapper() {
        SimpleModule ids = new SimpleModule("frischluft-ids");
        ids.addSerializer(DeviceId.class, new ToStringSerializer<>());
        ids.addSerializer(RoomId.class, new ToStringSerializer<>());
        ids.addSerializer(Instant.class, new ToStringSerializer<>());
        ids.addDeserializer(DeviceId.class, new FromString<>(DeviceId::new));
        ids.addDeserializer(RoomId.class, new FromString<>(RoomId::new));
        ids.addDeserializer(Instant.class, new FromString<>(Instant::parse));
        ids.addKeyDeserializer(Metric.class, new KeyDeserializer() {
            @Override
            public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
                return Metric.byKey(key).or(() -> {
                    try {
                        return java.util.Optional.of(Metric.valueOf(key));
                    } catch (IllegalArgumentException e) {
                        return java.util.Optional.empty();
                    }
                }).orElseThrow(() -> new IOException("unknown metric '" + key + "'"));
            }
        });
        ids.addKeySerializer(Metric.class, new JsonSerializer<Metric>() {
            @Override
            public void serialize(Metric value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
                gen.writeFieldName(value.key());
            }
        });
        return JsonMapper.builder()
                .addModule(ids)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(SerializationFeature.INDENT_OUTPUT)
                .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
                .build();
    }

    public static SchoolConfig read(Path file) throws ConfigException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static SchoolConfig read(InputStream in, String origin) throws ConfigException {
        try {
            return MAPPER.readValue(in, SchoolConfig.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException iae ? iae : e;
            throw new ConfigException(origin + ": " + clean(cause.getMessage()), e);
        } catch (IOException e) {
            throw new ConfigException(origin + ": cannot read: " + e.getMessage(), e);
        }
    }

    public static String toJson(SchoolConfig config) {
        try {
            return MAPPER.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes atomically: temp file beside the target, fsync, rename. */
    public static void write(SchoolConfig config, Path file) throws IOException {
        writeAtomically(file, toJson(config).getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        try {
            try (var ch = java.nio.channels.FileChannel.open(tmp, java.nio.file.StandardOpenOption.WRITE)) {
                ch.write(java.nio.ByteBuffer.wrap(bytes));
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String clean(String message) {
        if (message == null) return "invalid configuration";
        int i = message.indexOf("\n at [Source");
        return i > 0 ? message.substring(0, i) : message;
    }

    private static final class ToStringSerializer<T> extends JsonSerializer<T> {
        @Override
        public void serialize(T value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class FromString<T> extends JsonDeserializer<T> {
        private final java.util.function.Function<String, T> factory;

        FromString(java.util.function.Function<String, T> factory) {
            this.factory = factory;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String s = p.getValueAsString();
            try {
                return factory.apply(s);
            } catch (IllegalArgumentException | DateTimeParseException | NullPointerException e) {
                throw ctxt.weirdStringException(s, handledType(), e.getMessage());
            }
        }
    }
}

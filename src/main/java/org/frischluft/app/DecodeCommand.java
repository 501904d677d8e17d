package org.frischluft.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.frischluft.ingest.decode.DecodeJson;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.model.DeviceId;
import org.frischluft.model.SensorModel;
import org.frischluft.rooms.ConfigException;
import org.frischluft.rooms.file.SchoolFile;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code decode}: the admin's tool to check what a sensor sends. Reads one message body from stdin
 * ({@code --topic T}) or JSON lines {@code {"topic":"…","payload":"<body as a string>"}} ({@code --jsonl};
 * {@code payload_hex} is used when {@code payload} is null) and prints one JSON line per message.
 */
@Command(name = "decode", mixinStandardHelpOptions = true,
        description = {"Decode MQTT message bodies the way ingest does and print one JSON line per message:",
            "{\"status\":\"ok\",\"readings\":[…]}, {\"status\":\"ignored\",\"reason\":…} or {\"status\":\"rejected\",\"reason\":…}."})
public final class DecodeCommand implements Callable<Integer> {
    static final class Input {
        @Option(names = "--topic", paramLabel = "TOPIC", description = "Topic of the one message body read from stdin.")
        String topic;

        @Option(names = "--jsonl", description = "Read lines {\"topic\":…,\"payload\":…} from stdin.")
        boolean jsonl;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--model", paramLabel = "DEVICE=MODEL",
            description = "Sensor model for raw LoRaWAN bytes, e.g. a81758fffe0312ab=elsys-ers-co2 (repeatable).")
    Map<String, String> models = new LinkedHashMap<>();

    @Option(names = "--school", paramLabel = "FILE",
            description = "School configuration (JSON): use its sensor models and source mappings, as record does; --model wins.")
    Path school;

    private final InputStream in;
    private final PrintStream out;
    private final Clock clock;

    public DecodeCommand() {
        this(System.in, System.out, Clock.systemUTC());
    }

    DecodeCommand(InputStream in, PrintStream out, Clock clock) {
        this.in = in;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Integer call() throws IOException {
        DecoderSettings settings = DecoderSettings.defaults();
        if (school != null) {
            try {
                settings = DecoderSettings.from(SchoolFile.read(school));
            } catch (ConfigException e) { // every problem of the file, one per line
                for (String line : e.message(java.util.Locale.getDefault()).split("\n")) System.err.println("decode: " + line);
                return 2;
            }
        }
        Map<DeviceId, String> m = new HashMap<>(settings.models());
        for (Map.Entry<String, String> e : models.entrySet()) {
            if (SensorModel.byId(e.getValue()).isEmpty()) {
                System.err.println("unknown model '" + e.getValue() + "'; known: " + knownModels());
                return 2;
            }
            m.put(DeviceId.of(e.getKey()), e.getValue());
        }
        PayloadDecoder decoder = new PayloadDecoder(settings.withModels(m), clock);
        if (!input.jsonl) {
            byte[] body = in.readAllBytes();
            out.println(DecodeJson.line(decoder.decode(input.topic, body, clock.instant())));
            out.flush();
            return 0;
        }
        ObjectMapper json = new ObjectMapper();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            if (line.isBlank()) continue;
            out.println(DecodeJson.line(one(json, decoder, line)));
        }
        out.flush();
        return 0;
    }

    private DecodeResult one(ObjectMapper json, PayloadDecoder decoder, String line) {
        JsonNode n;
        try {
            n = json.readTree(line);
        } catch (IOException e) {
            return new DecodeResult.Rejected("malformed-input-line: not a JSON object {\"topic\",\"payload\"}");
        }
        if (n == null || !n.isObject()) return new DecodeResult.Rejected("malformed-input-line: not a JSON object");
        String topic = n.path("topic").asText("");
        byte[] body;
        JsonNode p = n.get("payload");
        if (p != null && p.isTextual()) {
            body = p.textValue().getBytes(StandardCharsets.UTF_8);
        } else if (n.path("payload_hex").isTextual()) {
            try {
                body = HexFormat.of().parseHex(n.get("payload_hex").textValue());
            } catch (IllegalArgumentException e) {
                return new DecodeResult.Rejected("malformed-input-line: payload_hex is not hex");
            }
        } else {
            body = new byte[0];
        }
        return decoder.decode(topic, body, clock.instant());
    }

    private static String knownModels() {
        StringBuilder sb = new StringBuilder();
        for (SensorModel s : SensorModel.values()) sb.append(sb.length() == 0 ? "" : ", ").append(s.id());
        return sb.toString();
    }
}

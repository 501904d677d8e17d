package org.frischluft.ingest.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;

/**
 * The {@code decode} command's output: one JSON line per message, e.g.
 * {@code {"status":"ok","readings":[{"device":"a81758fffe0312ab","time":"2024-10-15T08:15:30.123456789Z",
 * "co2_ppm":776,"temperature_c":22.6,"humidity_pct":41}]}}, {@code {"status":"ignored","reason":"…"}} or
 * {@code {"status":"rejected","reason":"…"}}. Metrics by {@link Metric#key()}; an absent metric is left out.
 * {@code dropped} and {@code simulated} appear only when there is something to say.
 */
public final class DecodeJson {
    private static final JsonFactory FACTORY = new JsonFactory();

    private DecodeJson() {
    }

    public static String line(DecodeResult r) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = FACTORY.createGenerator(w)) {
            g.writeStartObject();
            if (r instanceof DecodeResult.Decoded d) {
                g.writeStringField("status", "ok");
                g.writeArrayFieldStart("readings");
                for (Reading reading : d.readings()) {
                    g.writeStartObject();
                    g.writeStringField("device", reading.device().value());
                    g.writeStringField("time", reading.time().toString());
                    for (Map.Entry<Metric, Double> e : reading.values().entrySet()) {
                        double v = e.getValue();
                        g.writeFieldName(e.getKey().key());
                        if (v == Math.rint(v) && Math.abs(v) < 1e15) g.writeNumber((long) v); else g.writeNumber(v);
                    }
                    if (d.model() != null) {
                        g.writeStringField("model", d.model());
                        g.writeStringField("model_source", d.modelSource());
                    }
                    g.writeEndObject();
                }
                g.writeEndArray();
                if (!d.dropped().isEmpty()) {
                    g.writeArrayFieldStart("dropped");
                    for (String s : d.dropped()) g.writeString(s);
                    g.writeEndArray();
                }
                if (d.simulated()) g.writeBooleanField("simulated", true);
            } else if (r instanceof DecodeResult.Ignored i) {
                g.writeStringField("status", "ignored");
                g.writeStringField("reason", i.reason());
            } else if (r instanceof DecodeResult.Rejected j) {
                g.writeStringField("status", "rejected");
                g.writeStringField("reason", j.reason());
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}

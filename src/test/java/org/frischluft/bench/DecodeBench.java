package org.frischluft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.frischluft.ingest.decode.DecodePaths;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;
import org.frischluft.model.DeviceId;
import org.frischluft.sim.DemoSchool;
import org.frischluft.sim.SensorReading;
import org.frischluft.sim.TtnUplinks;

/**
 * Not a test: single-thread decode cost of a TTN v3 uplink, the streaming fast path against the full-tree path,
 * interleaved in one JVM (same JIT, same machine load). Two bodies: the corpus' Elsys case (1.4 kB) and the
 * ingest benchmark's uplink from {@link TtnUplinks} (1.9 kB, two gateways). Run:
 * {@code java -cp <test classpath> org.frischluft.bench.DecodeBench [N]} (see bench/ingest.sh for the classpath).
 */
public final class DecodeBench {
    private DecodeBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0].replace("_", "")) : 200_000;
        byte[] corpus = null;
        String corpusTopic = null;
        try (InputStream in = DecodeBench.class.getResourceAsStream("/corpus/cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode c = new ObjectMapper().readTree(line);
                if (c.get("id").asText().equals("ttn-elsys-ers-co2-decoded")) {
                    corpus = c.get("payload").asText().getBytes(StandardCharsets.UTF_8);
                    corpusTopic = c.get("topic").asText();
                }
            }
        }
        // 64 distinct bench uplinks, so the loop is not one body over and over
        TtnUplinks uplinks = new TtnUplinks("frischluft-load");
        byte[][] bench = new byte[64][];
        String benchTopic = null;
        for (int i = 0; i < bench.length; i++) {
            DeviceId d = DeviceId.of(String.format("a81758fffe%06x", i));
            SensorReading r = new SensorReading(Instant.parse("2026-01-12T08:00:00Z").plus(Duration.ofMinutes(i)),
                    600 + i * 13, 21.5, 45, 300, 0, 3600, 1000, 0);
            TtnUplinks.Uplink up = uplinks.uplink(d, DemoSchool.ELSYS_ERS_CO2, r, i + 1);
            bench[i] = up.payload();
            benchTopic = up.topic();
        }
        PayloadDecoder fast = DecodePaths.streaming(DecoderSettings.defaults(), Clock.systemUTC());
        PayloadDecoder tree = DecodePaths.treeOnly(DecoderSettings.defaults(), Clock.systemUTC());
        Instant now = Instant.now();
        System.out.printf(Locale.ROOT, "%,d decodes per round; corpus body %d bytes, bench body %d bytes%n", n,
                corpus.length, bench[0].length);
        for (int round = 0; round < 5; round++) {
            for (String body : new String[] {"corpus", "bench"}) {
                for (PayloadDecoder d : new PayloadDecoder[] {tree, fast}) {
                    long t0 = System.nanoTime();
                    long readings = 0;
                    for (int i = 0; i < n; i++) {
                        DecodeResult r = body.equals("corpus") ? d.decode(corpusTopic, corpus, now)
                                : d.decode(benchTopic, bench[i & 63], now);
                        if (r instanceof DecodeResult.Decoded dec) readings += dec.readings().size();
                    }
                    long ns = System.nanoTime() - t0;
                    if (readings != n) throw new IllegalStateException("expected one reading per uplink");
                    System.out.printf(Locale.ROOT, "round %d %-6s %-9s %6.2f µs/uplink  %,9.0f /s%n", round, body,
                            d == fast ? "streaming" : "tree", ns / 1e3 / n, n * 1e9 / ns);
                }
            }
        }
    }
}

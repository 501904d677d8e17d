package org.frischluft.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.frischluft.ingest.decode.DecodeResult;
import org.frischluft.ingest.decode.DecoderSettings;
import org.frischluft.ingest.decode.PayloadDecoder;

/**
 * Not a test: a rough single-thread figure for decoding a realistic TTN v3 uplink (the corpus' Elsys case,
 * about 1.4 kB). Run: {@code java -cp target/classes:target/test-classes:<deps> org.frischluft.bench.DecodeBench}.
 */
public final class DecodeBench {
    public static void main(String[] args) throws Exception {
        byte[] body = null;
        String topic = null;
        try (InputStream in = DecodeBench.class.getResourceAsStream("/corpus/cases.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode c = new ObjectMapper().readTree(line);
                if (c.get("id").asText().equals("ttn-elsys-ers-co2-decoded")) {
                    body = c.get("payload").asText().getBytes(StandardCharsets.UTF_8);
                    topic = c.get("topic").asText();
                }
            }
        }
        PayloadDecoder d = new PayloadDecoder(DecoderSettings.defaults());
        Instant now = Instant.now();
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 300_000;
        long sink = 0;
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                DecodeResult r = d.decode(topic, body, now);
                if (r instanceof DecodeResult.Decoded dec) sink += dec.readings().size();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            System.out.printf("round %d: %d uplinks (%d bytes each) in %.2f s = %.0f /s%n", round, n, body.length, s, n / s);
        }
        System.out.println("readings " + sink);
    }
}

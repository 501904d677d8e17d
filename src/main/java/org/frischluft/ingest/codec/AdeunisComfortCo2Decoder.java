package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.s16be;
import static org.frischluft.ingest.codec.Bytes.u16be;
import static org.frischluft.ingest.codec.Bytes.u32be;
import static org.frischluft.ingest.codec.Bytes.u8;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.frischluft.model.Metric;

/**
 * Adeunis Comfort CO2 data frame 0x6A (after comfort_co2_lib.js): a status byte, then 5-byte samples
 * (temperature s16 / 10, humidity u8, CO2 u16), newest first; with status bit 2 a 4-byte timestamp (seconds
 * since 2013-01-01) closes the frame. Older samples are {@link #SAMPLE_PERIOD_S} apart: the factory sampling
 * period (register 321 = 300 × 2 s) with one history entry per reading (register 320 = 1).
 */
final class AdeunisComfortCo2Decoder implements FrameDecoder {
    /** Seconds between two samples in a frame with the factory settings. */
    static final long SAMPLE_PERIOD_S = 600;
    private static final long EPOCH_2013 = 1_356_998_400L;

    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        if (b.length < 2 || u8(b, 0) != 0x6A) throw new FrameException("adeunis: not a 0x6a Comfort CO2 data frame");
        boolean stamped = (u8(b, 1) & 0x04) != 0;
        int end = stamped ? b.length - 4 : b.length;
        if (end < 7 || (end - 2) % 5 != 0) throw new FrameException("adeunis: " + b.length + " bytes is not a whole number of samples");
        Instant stamp = stamped ? Instant.ofEpochSecond(u32be(b, end) + EPOCH_2013) : null;
        Frame.Builder f = new Frame.Builder();
        for (int off = 2, n = 0; off < end; off += 5, n++) {
            double t = s16be(b, off) / 10.0;
            double h = u8(b, off + 2);
            double c = u16be(b, off + 3);
            if (n == 0) {
                if (stamp != null) {
                    // the stamped frame's newest sample carries the device time
                    Map<Metric, Double> v = new EnumMap<>(Metric.class);
                    v.put(Metric.TEMPERATURE, t);
                    v.put(Metric.HUMIDITY, h);
                    v.put(Metric.CO2, c);
                    f.older(stamp, 0, v);
                } else {
                    f.put(Metric.TEMPERATURE, t).put(Metric.HUMIDITY, h).put(Metric.CO2, c);
                }
            } else {
                Map<Metric, Double> v = new EnumMap<>(Metric.class);
                v.put(Metric.TEMPERATURE, t);
                v.put(Metric.HUMIDITY, h);
                v.put(Metric.CO2, c);
                f.older(stamp == null ? null : stamp.minusSeconds(n * SAMPLE_PERIOD_S), n * SAMPLE_PERIOD_S, v);
            }
        }
        return f.build();
    }
}

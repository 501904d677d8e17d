package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.need;
import static org.frischluft.ingest.codec.Bytes.s16le;
import static org.frischluft.ingest.codec.Bytes.u16le;
import static org.frischluft.ingest.codec.Bytes.u32le;
import static org.frischluft.ingest.codec.Bytes.u8;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.frischluft.model.Metric;

/**
 * Milesight channel/type frames, little endian (after Milesight-IoT/SensorDecoders AM103, AM307(v2),
 * AM319 and EM500-CO2, and the TTN repository's am319.js). History records (channel 0x20, type 0xCE) carry
 * a Unix timestamp and become older samples; their layout differs per model, hence one instance per model.
 * TVOC is skipped: its unit depends on the firmware (IAQ index or µg/m³), never ppb.
 */
final class MilesightDecoder implements FrameDecoder {
    enum Variant { AM103, AM307, AM319, EM500_CO2 }

    private final Variant variant;

    MilesightDecoder(Variant variant) {
        this.variant = variant;
    }

    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        if (b.length < 2) throw new FrameException("milesight: frame shorter than one channel");
        Frame.Builder f = new Frame.Builder();
        int i = 0;
        while (i < b.length) {
            need(b, i, 2, "milesight channel header");
            int ch = u8(b, i);
            int type = u8(b, i + 1);
            i += 2;
            int key = (ch << 8) | type;
            boolean em500 = variant == Variant.EM500_CO2;
            if (em500 && (key == 0x077D || key == 0x0973 || key == 0x0500 || key == 0x06CB)
                    || !em500 && (key == 0x057D || key == 0x0673 || key == 0x83D7)) {
                throw new FrameException(String.format("milesight %s: channel %02x %02x belongs to another model", variant, ch, type));
            }
            switch (key) {
                case 0x0175 -> { need(b, i, 1, "battery"); f.put(Metric.BATTERY_PCT, u8(b, i)); i += 1; }
                case 0x0367 -> { need(b, i, 2, "temperature"); f.put(Metric.TEMPERATURE, s16le(b, i) / 10.0); i += 2; }
                case 0x0468 -> { need(b, i, 1, "humidity"); f.put(Metric.HUMIDITY, u8(b, i) / 2.0); i += 1; }
                case 0x0500, 0x06CB, 0x0E01 -> { need(b, i, 1, "channel"); i += 1; } // pir, light level, buzzer
                case 0x077D -> { need(b, i, 2, "co2"); f.put(Metric.CO2, u16le(b, i)); i += 2; }
                case 0x057D -> { need(b, i, 2, "co2"); co2Em500(f, u16le(b, i)); i += 2; }
                case 0x087D, 0x08E6, 0x0A7D, 0x0B7D, 0x0C7D, 0x0D7D -> { need(b, i, 2, "channel"); i += 2; }
                case 0x0973 -> { need(b, i, 2, "pressure"); f.put(Metric.PRESSURE, u16le(b, i) / 10.0); i += 2; }
                case 0x0673 -> { need(b, i, 2, "pressure"); f.put(Metric.PRESSURE, u16le(b, i) / 10.0); i += 2; }
                case 0x83D7 -> { need(b, i, 5, "temperature alarm"); f.put(Metric.TEMPERATURE, s16le(b, i) / 10.0); i += 5; }
                case 0x20CE, 0x21CE -> i = history(b, i, f);
                case 0xFF01, 0xFF0B, 0xFF0F, 0xFFFE -> { need(b, i, 1, "device info"); i += 1; }
                case 0xFF09, 0xFF0A, 0xFFFF -> { need(b, i, 2, "device info"); i += 2; }
                case 0xFF16 -> { need(b, i, 8, "serial number"); i += 8; }
                default -> throw new FrameException(String.format("milesight %s: unknown channel %02x %02x at byte %d",
                        variant, ch, type, i - 2));
            }
        }
        return f.build();
    }

    private static void co2Em500(Frame.Builder f, int raw) {
        if (raw == 0xFFFF) {
            f.invalid(Metric.CO2, "0xFFFF");
        } else {
            f.put(Metric.CO2, raw);
        }
    }

    private int history(byte[] b, int i, Frame.Builder f) throws FrameException {
        Map<Metric, Double> v = new EnumMap<>(Metric.class);
        long ts = 0;
        switch (variant) {
            case AM103 -> {
                need(b, i, 9, "am103 history");
                ts = u32le(b, i);
                v.put(Metric.TEMPERATURE, s16le(b, i + 4) / 10.0);
                v.put(Metric.HUMIDITY, u8(b, i + 6) / 2.0);
                v.put(Metric.CO2, (double) u16le(b, i + 7));
                i += 9;
            }
            case AM307, AM319 -> {
                int len = variant == Variant.AM307 ? 16 : 22;
                need(b, i, len, variant + " history");
                ts = u32le(b, i);
                v.put(Metric.TEMPERATURE, s16le(b, i + 4) / 10.0);
                v.put(Metric.HUMIDITY, u16le(b, i + 6) / 2.0);
                v.put(Metric.CO2, (double) u16le(b, i + 10));
                v.put(Metric.PRESSURE, u16le(b, i + 14) / 10.0);
                i += len;
            }
            case EM500_CO2 -> {
                need(b, i, 11, "em500-co2 history");
                ts = u32le(b, i);
                int co2 = u16le(b, i + 4);
                if (co2 != 0xFFFF) v.put(Metric.CO2, (double) co2);
                v.put(Metric.PRESSURE, u16le(b, i + 6) / 10.0);
                v.put(Metric.TEMPERATURE, s16le(b, i + 8) / 10.0);
                v.put(Metric.HUMIDITY, u8(b, i + 10) / 2.0);
                i += 11;
            }
        }
        f.older(Instant.ofEpochSecond(ts), 0, v);
        return i;
    }
}

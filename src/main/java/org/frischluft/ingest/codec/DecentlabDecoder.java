package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.need;
import static org.frischluft.ingest.codec.Bytes.u16be;
import static org.frischluft.ingest.codec.Bytes.u8;

import java.util.List;
import org.frischluft.model.Metric;

/**
 * Decentlab protocol v2: version byte, device id (u16), sensor flags (u16), then for each flagged sensor a
 * fixed number of big-endian 16-bit words (after dl-lp8p.js and dl-iam.js in TheThingsNetwork/lorawan-devices).
 * Pressure arrives in Pa and is stored in hPa.
 */
final class DecentlabDecoder implements FrameDecoder {
    /** One sensor block: its word count and what to read from the words. */
    interface Block {
        int words();

        void read(int[] x, Frame.Builder f);
    }

    record B(int words, java.util.function.BiConsumer<int[], Frame.Builder> reader) implements Block {
        @Override
        public void read(int[] x, Frame.Builder f) {
            reader.accept(x, f);
        }
    }

    static final List<Block> LP8P = List.of(
            new B(2, (x, f) -> {
                f.put(Metric.TEMPERATURE, 175.72 * x[0] / 65536 - 46.85);
                f.put(Metric.HUMIDITY, 125.0 * x[1] / 65536 - 6);
            }),
            new B(2, (x, f) -> f.put(Metric.PRESSURE, x[1] * 2 / 100.0)),
            new B(8, (x, f) -> f.put(Metric.CO2, x[0] - 32768)),
            new B(1, (x, f) -> f.put(Metric.BATTERY_V, x[0] / 1000.0)));

    static final List<Block> IAM = List.of(
            new B(1, (x, f) -> f.put(Metric.BATTERY_V, x[0] / 1000.0)),
            new B(2, (x, f) -> {
                f.put(Metric.TEMPERATURE, 175.0 * x[0] / 65535 - 45);
                f.put(Metric.HUMIDITY, 100.0 * x[1] / 65535);
            }),
            new B(1, (x, f) -> f.put(Metric.PRESSURE, x[0] * 2 / 100.0)),
            new B(2, (x, f) -> f.put(Metric.LIGHT_LUX,
                    Math.max(Math.max(1.0 * x[0] - 1.64 * x[1], 0.59 * x[0] - 0.86 * x[1]), 0) * 1.5504)),
            new B(3, (x, f) -> f.put(Metric.CO2, x[0] - 32768)),
            new B(1, (x, f) -> { }),
            new B(1, (x, f) -> f.put(Metric.TVOC, x[0])));

    private final String name;
    private final List<Block> blocks;

    DecentlabDecoder(String name, List<Block> blocks) {
        this.name = name;
        this.blocks = blocks;
    }

    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        need(b, 0, 5, name + " header");
        if (u8(b, 0) != 2) throw new FrameException(name + ": protocol version " + u8(b, 0) + " is not 2");
        int flags = u16be(b, 3);
        int pos = 5;
        Frame.Builder f = new Frame.Builder();
        for (int s = 0; s < blocks.size(); s++, flags >>= 1) {
            if ((flags & 1) == 0) continue;
            Block blk = blocks.get(s);
            need(b, pos, blk.words() * 2, name + " sensor " + s);
            int[] x = new int[blk.words()];
            for (int j = 0; j < x.length; j++, pos += 2) x[j] = u16be(b, pos);
            blk.read(x, f);
        }
        if (flags != 0) throw new FrameException(name + ": flags name sensors this model does not have");
        if (pos != b.length) throw new FrameException(name + ": " + (b.length - pos) + " bytes after the last sensor");
        return f.build();
    }
}

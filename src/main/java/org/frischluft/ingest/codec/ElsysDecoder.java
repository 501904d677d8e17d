package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.need;
import static org.frischluft.ingest.codec.Bytes.s16be;
import static org.frischluft.ingest.codec.Bytes.u16be;
import static org.frischluft.ingest.codec.Bytes.u32be;
import static org.frischluft.ingest.codec.Bytes.u8;

import org.frischluft.model.Metric;

/**
 * Elsys ERS / ERS CO2 / ERS2 CO2: type-length-value frames, big endian (after {@code elsys.js} in
 * TheThingsNetwork/lorawan-devices). Only the types an indoor-climate sensor sends are read; any other type
 * stops decoding with a {@link FrameException}, because its length is unknown.
 */
final class ElsysDecoder implements FrameDecoder {
    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        if (b.length == 0) throw new FrameException("elsys: empty frame");
        Frame.Builder f = new Frame.Builder();
        int i = 0;
        while (i < b.length) {
            int type = u8(b, i++);
            switch (type) {
                case 0x01 -> { need(b, i, 2, "elsys temperature"); f.put(Metric.TEMPERATURE, s16be(b, i) / 10.0); i += 2; }
                case 0x02 -> { need(b, i, 1, "elsys humidity"); f.put(Metric.HUMIDITY, u8(b, i)); i += 1; }
                case 0x03 -> { need(b, i, 3, "elsys acceleration"); i += 3; }
                case 0x04 -> { need(b, i, 2, "elsys light"); f.put(Metric.LIGHT_LUX, u16be(b, i)); i += 2; }
                case 0x05 -> { need(b, i, 1, "elsys motion"); i += 1; }
                case 0x06 -> { need(b, i, 2, "elsys co2"); f.put(Metric.CO2, u16be(b, i)); i += 2; }
                case 0x07 -> { need(b, i, 2, "elsys vdd"); f.put(Metric.BATTERY_V, u16be(b, i) / 1000.0); i += 2; }
                case 0x08, 0x0A, 0x0C, 0x0E, 0x15, 0x16, 0x18, 0x19 -> { need(b, i, 2, "elsys type " + type); i += 2; }
                case 0x0B, 0x10, 0x17, 0x1B, 0x3D -> { need(b, i, 4, "elsys type " + type); i += 4; }
                case 0x0D, 0x0F, 0x11, 0x12, 0x1A -> { need(b, i, 1, "elsys type " + type); i += 1; }
                case 0x09 -> { need(b, i, 6, "elsys gps"); i += 6; }
                case 0x13 -> { need(b, i, 65, "elsys grideye"); i += 65; }
                case 0x14 -> { need(b, i, 4, "elsys pressure"); f.put(Metric.PRESSURE, u32be(b, i) / 1000.0); i += 4; }
                case 0x1C -> { need(b, i, 2, "elsys tvoc"); f.put(Metric.TVOC, u16be(b, i)); i += 2; }
                default -> throw new FrameException(String.format("elsys: unknown type 0x%02x at byte %d", type, i - 1));
            }
        }
        return f.build();
    }
}

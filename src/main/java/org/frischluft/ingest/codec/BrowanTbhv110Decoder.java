package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.u16le;
import static org.frischluft.ingest.codec.Bytes.u8;

import org.frischluft.model.Metric;

/**
 * Browan TBHV110 (Healthy Home IAQ) on fPort 103 (after tbhv110.js). Its CO2 is an equivalent CO2 from a
 * MOX sensor (eCO2), used as the CO2 value because the device has no NDIR sensor. VOC and IAQ are raw indices
 * and are not stored.
 */
final class BrowanTbhv110Decoder implements FrameDecoder {
    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        if (fPort >= 0 && fPort != 103) throw new FrameException("tbhv110: measurements come on fPort 103, not " + fPort);
        if (b.length < 11) throw new FrameException("tbhv110: frame has " + b.length + " bytes, expected 11");
        return new Frame.Builder()
                .put(Metric.BATTERY_V, (25 + (u8(b, 1) & 0x0F)) / 10.0)
                .put(Metric.HUMIDITY, u8(b, 3) & 0x7F)
                .put(Metric.CO2, u16le(b, 4))
                .put(Metric.TEMPERATURE, (u8(b, 10) & 0x7F) - 32)
                .build();
    }
}

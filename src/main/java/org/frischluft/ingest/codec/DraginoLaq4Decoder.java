package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.s16be;
import static org.frischluft.ingest.codec.Bytes.u16be;
import static org.frischluft.ingest.codec.Bytes.u8;

import org.frischluft.model.Metric;

/**
 * Dragino LAQ4: an 11-byte frame on fPort 2 (after laq4.js). Only work mode 1 (bits 2-6 of byte 2) carries
 * CO2, TVOC (ppb), SHT temperature and humidity; mode 31 is an alarm-settings report without readings.
 */
final class DraginoLaq4Decoder implements FrameDecoder {
    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        if (fPort >= 0 && fPort != 2) throw new FrameException("laq4: measurements come on fPort 2, not " + fPort);
        if (b.length != 11) throw new FrameException("laq4: frame has " + b.length + " bytes, expected 11");
        Frame.Builder f = new Frame.Builder().put(Metric.BATTERY_V, u16be(b, 0) / 1000.0);
        int mode = (u8(b, 2) & 0x7C) >> 2;
        if (mode == 1) {
            f.put(Metric.TVOC, u16be(b, 3));
            f.put(Metric.CO2, u16be(b, 5));
            f.put(Metric.TEMPERATURE, s16be(b, 7) / 10.0);
            f.put(Metric.HUMIDITY, u16be(b, 9) / 10.0);
        } else if (mode != 31) {
            throw new FrameException("laq4: unknown work mode " + mode);
        }
        return f.build();
    }
}

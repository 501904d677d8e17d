package org.frischluft.ingest.codec;

import static org.frischluft.ingest.codec.Bytes.u16be;
import static org.frischluft.ingest.codec.Bytes.u8;

import org.frischluft.model.Metric;

/**
 * Netvox R72615A (R726 series) on fPort 6 (after ra0715_r72615_ra0715y_r72615a.js): report type 7 carries
 * CO2 (u16 / 10) in bytes 4-5, report type 12 temperature (s16 / 100) and humidity (u16 / 100). 0xFFFF means
 * "no sensor". The voltage byte is the supply, not a battery, and is not stored.
 */
final class NetvoxR72615aDecoder implements FrameDecoder {
    @Override
    public Frame decode(byte[] b, int fPort) throws FrameException {
        if (fPort >= 0 && fPort != 6) throw new FrameException("r72615a: reports come on fPort 6, not " + fPort);
        if (b.length < 11) throw new FrameException("r72615a: frame has " + b.length + " bytes, expected 11");
        Frame.Builder f = new Frame.Builder();
        int v1 = u16be(b, 4);
        int v2 = u16be(b, 6);
        switch (u8(b, 2)) {
            case 0x00 -> { } // startup report: versions only
            case 0x07 -> {
                if (v1 == 0xFFFF) f.invalid(Metric.CO2, "NoSensor"); else f.put(Metric.CO2, v1 / 10.0);
            }
            case 0x0C -> {
                if (v1 == 0xFFFF) f.invalid(Metric.TEMPERATURE, "NoSensor"); else f.put(Metric.TEMPERATURE, (short) v1 / 100.0);
                if (v2 == 0xFFFF) f.invalid(Metric.HUMIDITY, "NoSensor"); else f.put(Metric.HUMIDITY, v2 / 100.0);
            }
            default -> throw new FrameException("r72615a: report type " + u8(b, 2) + " has no CO2, temperature or humidity");
        }
        return f.build();
    }
}

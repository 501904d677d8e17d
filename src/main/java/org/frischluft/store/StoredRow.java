package org.frischluft.store;

import java.util.Map;
import org.frischluft.model.Metric;
import org.frischluft.model.Reading;

/** A reading as stored: its key and the stored metrics' values; bit i of {@code mask} = STORED.get(i) present. */
final class StoredRow {
    static final int METRICS = Schema.STORED.size();

    final long key;
    final float[] v = new float[METRICS];
    int mask;

    StoredRow(long key, Reading r) {
        this.key = key;
        Map<Metric, Double> values = r.values();
        for (int i = 0; i < METRICS; i++) {
            Double d = values.get(Schema.STORED.get(i));
            if (d != null) {
                v[i] = d.floatValue();
                mask |= 1 << i;
            }
        }
    }
}

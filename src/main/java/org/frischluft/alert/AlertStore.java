package org.frischluft.alert;

import java.util.List;

/** Where alerts are kept across restarts; {@link StoredAlerts} over the history database, a no-op in a replay. */
public interface AlertStore {
    /** Alerts not yet resolved. */
    List<Alert> unresolved();

    /** The highest id ever used. */
    long maxId();

    /** Inserts or updates; throws when it could not (then it is tried again). */
    void save(List<Alert> alerts);

    AlertStore NONE = new AlertStore() {
        @Override
        public List<Alert> unresolved() {
            return List.of();
        }

        @Override
        public long maxId() {
            return 0;
        }

        @Override
        public void save(List<Alert> alerts) {
        }
    };
}

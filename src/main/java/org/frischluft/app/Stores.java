package org.frischluft.app;

import java.time.Clock;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;

/** Opens the history store from a JDBC URL and optional credentials. */
final class Stores {
    private Stores() {
    }

    /** @param retention how long raw readings are kept, null for the default (90 days), zero for ever */
    static Store open(String jdbcUrl, String user, String password, java.time.Duration retention, Clock clock) {
        StoreOptions options = StoreOptions.of(jdbcUrl).withCredentials(user, password);
        return Store.open(retention == null ? options : options.withRawRetention(retention), clock);
    }
}

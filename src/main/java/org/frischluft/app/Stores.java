package org.frischluft.app;

import java.time.Clock;
import org.frischluft.store.Store;
import org.frischluft.store.StoreOptions;

/** Opens the history store from a JDBC URL and optional credentials. */
final class Stores {
    private Stores() {
    }

    static Store open(String jdbcUrl, String user, String password, Clock clock) throws Exception {
        return Store.open(StoreOptions.of(jdbcUrl).withCredentials(user, password), clock);
    }
}

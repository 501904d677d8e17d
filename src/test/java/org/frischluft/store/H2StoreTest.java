package org.frischluft.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The store contract on an embedded H2 file. */
class H2StoreTest extends StoreContract {
    @TempDir
    Path dir;

    @Override
    StoreOptions options() {
        return StoreOptions.of("jdbc:h2:file:" + dir.resolve("history").toAbsolutePath());
    }
}

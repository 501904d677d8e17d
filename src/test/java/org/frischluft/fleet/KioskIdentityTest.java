package org.frischluft.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pairing code: six unambiguous characters, random per kiosk, kept across restarts. */
class KioskIdentityTest {
    @TempDir
    Path dir;

    @Test
    void theCodeIsKeptAcrossRestartsAndNewForAnotherId() throws Exception {
        KioskIdentity first = KioskIdentity.loadOrCreate(dir, null);
        assertThat(first.id()).startsWith("k-");
        assertThat(KioskIdentity.loadOrCreate(dir, null)).isEqualTo(first);
        KioskIdentity named = KioskIdentity.loadOrCreate(dir, "k-r204");
        assertThat(named.id()).isEqualTo("k-r204");
        assertThat(KioskIdentity.loadOrCreate(dir, "k-r204")).isEqualTo(named);
    }

    @Test
    void codesUseNoLookAlikesAndAreTypedForgivingly() {
        for (int i = 0; i < 500; i++) {
            assertThat(KioskIdentity.newCode()).hasSize(6).doesNotContain("0", "O", "1", "I", "L", "2", "Z", "5", "S", "8", "B");
        }
        KioskIdentity k = new KioskIdentity("k-1", "K7M4PX");
        assertThat(k.displayCode()).isEqualTo("K7M-4PX");
        assertThat(KioskIdentity.normalise(" k7m-4px ")).isEqualTo("K7M4PX");
        assertThat(KioskIdentity.normalise("K7M 4P")).isNull();
        assertThat(KioskIdentity.normalise("K0M4PX")).isNull();
        assertThat(k.qrText()).isEqualTo("frischluft:pair?kiosk=k-1&code=K7M4PX");
    }
}

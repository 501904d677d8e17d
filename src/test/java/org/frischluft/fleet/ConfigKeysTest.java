package org.frischluft.fleet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keygen's files: the private key readable by its owner only, a key readable by others refused. */
class ConfigKeysTest {
    @TempDir
    Path dir;

    @Test
    void thePrivateKeyIsOwnerOnlyAndBothFilesReadBack() throws Exception {
        ConfigKeys.Written w = ConfigKeys.generate(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(w.privateKey()))).isEqualTo("rw-------");
        assertThat(Files.readString(w.privateKey())).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(Files.readString(w.publicKey())).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(ConfigKeys.fingerprint(ConfigKeys.readPublic(w.publicKey()))).isEqualTo(w.fingerprint()).hasSize(16);
        assertThat(ConfigKeys.readPrivate(w.privateKey()).getAlgorithm()).isIn("EdDSA", "Ed25519");
    }

    @Test
    void aPrivateKeyOthersCanReadIsRefusedWithTheFix() throws Exception {
        ConfigKeys.Written w = ConfigKeys.generate(dir);
        Files.setPosixFilePermissions(w.privateKey(), PosixFilePermissions.fromString("rw-r--r--"));
        assertThatThrownBy(() -> ConfigKeys.readPrivate(w.privateKey()))
                .isInstanceOf(ConfigKeys.KeyFileException.class)
                .hasMessageContaining("can be read by others").hasMessageContaining("chmod 600");
    }

    @Test
    void keygenDoesNotOverwriteAKey() throws Exception {
        ConfigKeys.generate(dir);
        assertThatThrownBy(() -> ConfigKeys.generate(dir)).hasMessageContaining("exists already");
    }

    @Test
    void aPublicKeyAsBareBase64IsReadToo() throws Exception {
        ConfigKeys.Written w = ConfigKeys.generate(dir);
        String pem = Files.readString(w.publicKey());
        String bare = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        assertThat(ConfigKeys.fingerprint(ConfigKeys.parsePublic("inline", bare))).isEqualTo(w.fingerprint());
        assertThatThrownBy(() -> ConfigKeys.parsePublic("inline", "bm90IGEga2V5")).hasMessageContaining("not an Ed25519 public key");
    }
}

package org.frischluft.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import org.frischluft.rooms.AtomicFiles;

/**
 * The Ed25519 key pair that signs configuration messages (the JDK's EdDSA, no library): the private key as a
 * PKCS#8 PEM file readable by its owner only ({@code rw-------}), the public key as an X.509 PEM file (or the bare
 * base64 of it) that kiosks and desktops are installed with. A private key file that others may read is refused.
 */
public final class ConfigKeys {
    public static final String PRIVATE_FILE = "frischluft-config.key";
    public static final String PUBLIC_FILE = "frischluft-config.pub";
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private ConfigKeys() {
    }

    /** A key file that cannot be used, said in words. */
    public static final class KeyFileException extends IOException {
        public KeyFileException(String message) {
            super(message);
        }
    }

    /** The two files {@link #generate} wrote. */
    public record Written(Path privateKey, Path publicKey, String fingerprint) {
    }

    public static KeyPair newPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK has no Ed25519", e);
        }
    }

    /** Makes a new pair in {@code dir}; refuses to overwrite an existing private key. */
    public static Written generate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path priv = dir.resolve(PRIVATE_FILE);
        Path pub = dir.resolve(PUBLIC_FILE);
        if (Files.exists(priv)) throw new KeyFileException(priv + " exists already; move it away first (kiosks paired with it would refuse a new key)");
        KeyPair pair = newPair();
        writePrivate(priv, pair.getPrivate());
        AtomicFiles.write(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()).getBytes(StandardCharsets.US_ASCII));
        return new Written(priv, pub, fingerprint(pair.getPublic()));
    }

    /** Writes the private key so that only its owner can read it (the file is created with {@code rw-------}). */
    public static void writePrivate(Path file, PrivateKey key) throws IOException {
        byte[] bytes = pem("PRIVATE KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII);
        if (posix()) {
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            Files.write(file, bytes);
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        } else {
            Files.write(file, bytes);
        }
    }

    public static void writePublic(Path file, PublicKey key) throws IOException {
        AtomicFiles.write(file, pem("PUBLIC KEY", key.getEncoded()).getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads a private key file; refuses one that its group or others may read or write. */
    public static PrivateKey readPrivate(Path file) throws IOException {
        if (!Files.isReadable(file)) throw new KeyFileException(file + ": no such private key file (make one: frischluft config keygen)");
        if (posix()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> open = EnumSet.noneOf(PosixFilePermission.class);
            open.addAll(perms);
            open.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));
            if (!open.isEmpty()) {
                throw new KeyFileException(file + " can be read by others (" + PosixFilePermissions.toString(perms)
                        + "); allow only its owner: chmod 600 " + file);
            }
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(decode(file, Files.readString(file, StandardCharsets.US_ASCII))));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException(file + " is not an Ed25519 private key (PKCS#8 PEM)");
        }
    }

    public static PublicKey readPublic(Path file) throws IOException {
        if (!Files.isReadable(file)) throw new KeyFileException(file + ": no such public key file");
        return parsePublic(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** A public key from PEM text or its bare base64 (as a settings file may carry it inline). */
    public static PublicKey parsePublic(String where, String text) throws KeyFileException {
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(decode(Path.of("."), text)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new KeyFileException(where + " is not an Ed25519 public key (X.509 PEM or base64)");
        }
    }

    /** 16 hex digits of the SHA-256 of the public key: says which key signed, in messages and the fleet view. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static byte[] decode(Path file, String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("-----")) continue;
            b.append(l);
        }
        return Base64.getDecoder().decode(b.toString());
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}

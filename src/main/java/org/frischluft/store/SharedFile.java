package org.frischluft.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;
import org.h2.tools.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Readers beside the recorder: the process that opens an H2 file (usually {@code record}) serves it to other
 * processes through an H2 TCP server on loopback, and writes where beside the file, readable by its owner only
 * ({@code history.server}: {@code tcp://127.0.0.1:PORT/KEY}). The key is 128 random bits and the only database
 * name the server answers to ({@code -key}); it opens nothing that does not exist ({@code -ifExists}) and takes no
 * connection from another host. A process that finds a live {@code .server} file connects there instead of
 * opening the file, which the first process holds.
 */
final class SharedFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SharedFile.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path sidecar;
    private final String address;
    private final Server server;

    private SharedFile(Path sidecar, String address, Server server) {
        this.sidecar = sidecar;
        this.address = address;
        this.server = server;
    }

    static Path sidecar(Path base) {
        return base.resolveSibling(base.getFileName() + ".server");
    }

    /** The JDBC URL of the process serving this file, if one is running. */
    static Optional<String> remoteUrl(Path base) {
        Path f = sidecar(base);
        if (!Files.isRegularFile(f)) return Optional.empty();
        try {
            String address = Files.readString(f, StandardCharsets.UTF_8).trim();
            if (!address.startsWith("tcp://127.0.0.1:")) return Optional.empty();
            String hostPort = address.substring("tcp://".length(), address.indexOf('/', "tcp://".length()));
            int port = Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            }
            return Optional.of("jdbc:h2:" + address);
        } catch (IOException | RuntimeException stale) { // killed meanwhile: the file is free again
            log.debug("{} is stale: {}", f, stale.toString());
            return Optional.empty();
        }
    }

    /** Serves the open file {@code base} to other processes; null (and a warning) if that fails. */
    static SharedFile serve(Path base) {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = probe.getLocalPort();
            }
            byte[] bits = new byte[16];
            RANDOM.nextBytes(bits);
            String key = HexFormat.of().formatHex(bits);
            Server server = Server.createTcpServer("-tcpPort", Integer.toString(port), "-ifExists", "-tcpDaemon",
                    "-key", key, "file:" + base).start();
            String address = "tcp://127.0.0.1:" + port + "/" + key;
            Path f = sidecar(base);
            Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(H2Files.OWNER_FILE));
            }
            Files.writeString(tmp, address + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            log.info("serving {} to readers on 127.0.0.1:{} (address and key in {})", base, port, f.getFileName());
            return new SharedFile(f, address, server);
        } catch (IOException | SQLException | RuntimeException e) {
            log.warn("cannot serve {} to other processes (export, replay, the desktop will not open it while this runs): {}",
                    base, e.toString());
            return null;
        }
    }

    /** Stops serving: readers connected now lose their connection; the {@code .server} file goes. */
    @Override
    public void close() {
        try {
            if (Files.isRegularFile(sidecar) && Files.readString(sidecar, StandardCharsets.UTF_8).trim().equals(address)) {
                Files.delete(sidecar);
            }
        } catch (IOException e) {
            log.debug("could not delete {}: {}", sidecar, e.toString());
        }
        server.stop();
    }
}

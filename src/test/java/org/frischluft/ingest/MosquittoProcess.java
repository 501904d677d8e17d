package org.frischluft.ingest;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto started by a test on a free port, with TLS (a throwaway CA and server certificate made
 * at test time with openssl), password authentication and a persistence file, so it can be restarted in
 * the middle of a stream and keep persistent sessions.
 */
public final class MosquittoProcess implements AutoCloseable {
    static final String USER = "school-co2@ttn";
    static final String PASSWORD = "NNSXS.TEST-ONLY-NOT-A-SECRET";

    final Path dir;
    final int port;
    final Path caCert;
    private Process process;

    private MosquittoProcess(Path dir, int port, Path caCert) {
        this.dir = dir;
        this.port = port;
        this.caCert = caCert;
    }

    /** True when the mosquitto, mosquitto_passwd and openssl binaries are on the PATH. */
    public static boolean available() {
        return onPath("mosquitto") && onPath("mosquitto_passwd") && onPath("openssl");
    }

    static boolean onPath(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) return true;
        }
        // Debian puts mosquitto in /usr/sbin, which is not on every PATH
        return Files.isExecutable(Path.of("/usr/sbin", exe));
    }

    static String exe(String name) {
        return Files.isExecutable(Path.of("/usr/sbin", name)) && !onPathOnly(name) ? "/usr/sbin/" + name : name;
    }

    private static boolean onPathOnly(String exe) {
        String path = System.getenv("PATH");
        if (path == null) return false;
        for (String d : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, exe))) return true;
        }
        return false;
    }

    static MosquittoProcess startTls(Path dir) throws Exception {
        Path ca = dir.resolve("ca.pem");
        run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Frischluft Test CA",
                "-keyout", "ca.key", "-out", "ca.pem");
        run(dir, "openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", "server.key", "-out", "server.csr");
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        run(dir, "openssl", "x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-days", "2", "-extfile", "san.ext", "-out", "server.pem");
        run(dir, exe("mosquitto_passwd"), "-b", "-c", "passwd", USER, PASSWORD);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("persist"));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "user " + System.getProperty("user.name"), // as root, mosquitto would switch to a user that cannot read @TempDir
                "cafile " + ca.toAbsolutePath(),
                "certfile " + dir.resolve("server.pem").toAbsolutePath(),
                "keyfile " + dir.resolve("server.key").toAbsolutePath(),
                "allow_anonymous false",
                "password_file " + dir.resolve("passwd").toAbsolutePath(),
                "persistence true",
                "persistence_location " + dir.resolve("persist").toAbsolutePath() + "/",
                "max_queued_messages 100000",
                "log_dest file " + dir.resolve("mosquitto.log").toAbsolutePath(),
                ""));
        MosquittoProcess m = new MosquittoProcess(dir, port, ca);
        m.start();
        return m;
    }

    /**
     * Plain TCP on loopback, anonymous, with persistence saved every second ({@code autosave_interval 1}) and room
     * for 100,000 queued messages per client (in flight: Mosquitto's default of 20): what the at-least-once tests
     * kill and restart.
     */
    public static MosquittoProcess startPlain(Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Files.createDirectories(dir.resolve("persist"));
        Files.writeString(dir.resolve("mosquitto.conf"), String.join("\n",
                "listener " + port + " 127.0.0.1",
                "user " + System.getProperty("user.name"),
                "allow_anonymous true",
                "persistence true",
                "persistence_location " + dir.resolve("persist").toAbsolutePath() + "/",
                "autosave_interval 1",
                "max_queued_messages 100000",
                "log_dest file " + dir.resolve("mosquitto.log").toAbsolutePath(),
                System.getProperty("once.keep") != null ? "log_type all" : "",
                ""));
        MosquittoProcess m = new MosquittoProcess(dir, port, null);
        m.start();
        m.plain = true;
        return m;
    }

    private boolean plain;

    /** SIGKILL: whatever Mosquitto had not saved yet (see autosave_interval) is gone. */
    public void kill() throws Exception {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    public void start() throws Exception {
        process = new ProcessBuilder(exe("mosquitto"), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("mosquitto.out").toFile())
                .start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("mosquitto did not open port " + port + ": "
                + Files.readString(dir.resolve("mosquitto.out")));
    }

    /** Graceful stop (SIGTERM): Mosquitto writes its persistence file, sessions survive a restart. */
    public void stop() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    public String url() {
        return (plain ? "tcp" : "ssl") + "://127.0.0.1:" + port;
    }

    @Override
    public void close() throws Exception {
        if (process != null && process.isAlive()) stop();
    }

    private static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }
}

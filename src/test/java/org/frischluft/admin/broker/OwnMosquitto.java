package org.frischluft.admin.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Mosquitto of the test's own on a free loopback port, configured by the test (a password file, an ACL, a
 * certificate), with the helpers to make those files: what the connection test must tell apart.
 */
final class OwnMosquitto implements AutoCloseable {
    final Path dir;
    final int port;
    private final Process process;

    private OwnMosquitto(Path dir, int port, Process process) {
        this.dir = dir;
        this.port = port;
        this.process = process;
    }

    static boolean available() {
        return Files.isExecutable(Path.of(exe("mosquitto"))) && Files.isExecutable(Path.of(exe("mosquitto_passwd")));
    }

    static String exe(String name) {
        for (String d : List.of("/usr/sbin", "/usr/bin", "/usr/local/sbin", "/usr/local/bin")) {
            if (Files.isExecutable(Path.of(d, name))) return d + "/" + name;
        }
        return name;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Starts mosquitto with a listener on a free port and {@code lines} as the rest of its configuration. */
    static OwnMosquitto start(Path dir, String... lines) throws Exception {
        int port = freePort();
        List<String> conf = new ArrayList<>();
        conf.add("listener " + port + " 127.0.0.1");
        conf.add("user " + System.getProperty("user.name"));
        conf.add("persistence false");
        conf.add("log_dest file " + dir.resolve("mosquitto.log").toAbsolutePath());
        conf.addAll(List.of(lines));
        Files.write(dir.resolve("mosquitto.conf"), conf);
        Process p = new ProcessBuilder(exe("mosquitto"), "-c", dir.resolve("mosquitto.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return new OwnMosquitto(dir, port, p);
            } catch (IOException notYet) {
                if (!p.isAlive()) break;
                Thread.sleep(50);
            }
        }
        p.destroyForcibly();
        throw new IllegalStateException("mosquitto did not open port " + port + ": " + Files.readString(dir.resolve("mosquitto.out")));
    }

    /** A password file with one user. */
    static Path passwords(Path dir, String user, String password) throws Exception {
        run(dir, exe("mosquitto_passwd"), "-b", "-c", "passwd", user, password);
        return dir.resolve("passwd");
    }

    /**
     * A self-signed server certificate for 127.0.0.1 and localhost ({@code server.pem}, {@code server.key}); with
     * {@code startDaysAgo} &gt; {@code validDays} it is expired. Made with keytool, taken apart with openssl.
     */
    static void selfSigned(Path dir, String cn, int startDaysAgo, int validDays) throws Exception {
        run(dir, "keytool", "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=" + cn,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-startdate", "-" + startDaysAgo + "d", "-validity", Integer.toString(validDays),
                "-storetype", "PKCS12", "-keystore", "server.p12", "-storepass", "changeit", "-keypass", "changeit");
        run(dir, "openssl", "pkcs12", "-in", "server.p12", "-passin", "pass:changeit", "-nokeys", "-out", "server.pem");
        run(dir, "openssl", "pkcs12", "-in", "server.p12", "-passin", "pass:changeit", "-nocerts", "-nodes", "-out", "server.key");
    }

    /**
     * Mosquitto's dynamic-security plugin configuration ({@code dynsec.json}) with one client, {@code user}, whose only
     * role lets it subscribe to {@code allowed}: unlike the classic acl_file, which grants every SUBSCRIBE and only
     * filters deliveries, the plugin refuses other filters in the SUBACK (0x80). Null when the plugin or
     * mosquitto_ctrl is not installed.
     */
    static Path dynsec(Path dir, String user, String password, String allowed) throws Exception {
        Path plugin = java.util.stream.Stream.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib", "/usr/local/lib")
                .map(d -> Path.of(d, "mosquitto_dynamic_security.so")).filter(Files::exists).findFirst().orElse(null);
        if (plugin == null || !Files.isExecutable(Path.of(exe("mosquitto_ctrl")))) return null;
        run(dir, exe("mosquitto_ctrl"), "dynsec", "init", "dynsec.json", user, password);
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var root = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(dir.resolve("dynsec.json").toFile());
        var acls = ((com.fasterxml.jackson.databind.node.ObjectNode) root.get("roles").get(0)).putArray("acls");
        acls.addObject().put("acltype", "subscribePattern").put("topic", allowed).put("priority", 0).put("allow", true);
        acls.addObject().put("acltype", "publishClientReceive").put("topic", allowed).put("priority", 0).put("allow", true);
        json.writeValue(dir.resolve("dynsec.json").toFile(), root);
        return plugin;
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + port;
    }

    static void run(Path dir, String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(cmd)).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " failed: " + out);
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}

package org.frischluft.app;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.frischluft.fleet.ConfigKeys;
import org.frischluft.fleet.ConfigMessage;
import org.frischluft.fleet.ConfigPublisher;
import org.frischluft.fleet.ConfigVerifier;
import org.frischluft.fleet.FleetBroker;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.file.SchoolFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code config keygen | publish | verify}: the signed configuration that kiosks follow (issue 11, docs/config-message.md). */
final class ConfigFleetCommands {
    private ConfigFleetCommands() {
    }

    /** {@code config keygen [--out DIR]}: a new Ed25519 key pair; the private key file {@code rw-------}. */
    @Command(name = "keygen", mixinStandardHelpOptions = true,
            description = {"Make the Ed25519 key pair that signs configuration messages:",
                "DIR/frischluft-config.key (private, readable by its owner only) and DIR/frischluft-config.pub (for every kiosk)."})
    static final class Keygen implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--out", paramLabel = "DIR", description = "Folder for the two files (default: the current one).")
        Path out = Path.of(".");

        @Override
        public Integer call() {
            PrintWriter w = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                ConfigKeys.Written k = ConfigKeys.generate(out);
                w.println("private key: " + k.privateKey() + " (rw-------, keep it on the admin's machine only)");
                w.println("public key:  " + k.publicKey() + " (copy it to every kiosk: fleet.public-key = ...)");
                w.println("fingerprint: " + k.fingerprint());
                w.flush();
                return 0;
            } catch (java.io.IOException e) {
                err.println("keygen: " + e.getMessage());
                err.flush();
                return 2;
            }
        }
    }

    /** {@code config publish --broker URL --key KEY --school FILE [--site S]}: signs and publishes retained. */
    @Command(name = "publish", mixinStandardHelpOptions = true,
            description = {"Sign the configuration of a site (its part of the school file) and publish it retained on",
                "frischluft/<site>/config; every kiosk of the site applies it within seconds. Exit 0 when the broker took it, 2 if not."})
    static final class Publish implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--broker", required = true, paramLabel = "URL", description = "tcp://host:1883 or ssl://host:8883")
        String broker;

        @Option(names = "--username", paramLabel = "USER", description = "The admin account (only it may publish config).")
        String username;

        @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password.")
        String passwordEnv;

        @Option(names = "--key", required = true, paramLabel = "KEY", description = "The private key file (config keygen).")
        Path key;

        @Option(names = "--school", required = true, paramLabel = "FILE", description = "The school file (JSON).")
        Path school;

        @Option(names = "--site", paramLabel = "S", description = "Site id (default: the school's only site; every site if it has several).")
        String site;

        @Option(names = "--save", paramLabel = "FILE", description = "Also write the signed message to FILE (for config verify).")
        Path save;

        @Override
        public Integer call() {
            PrintWriter w = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                SchoolFile.Result r = SchoolFile.check(school);
                if (!r.ok()) {
                    r.errors().forEach(p -> err.println(school + ": " + p.describe(Locale.ENGLISH)));
                    err.println("publish: nothing published, the school file has errors (config validate " + school + ")");
                    return 2;
                }
                SchoolModel m = r.model();
                PrivateKey priv = ConfigKeys.readPrivate(key);
                Path pubFile = key.resolveSibling(ConfigKeys.PUBLIC_FILE);
                PublicKey pub = Files.exists(pubFile) ? ConfigKeys.readPublic(pubFile) : null;
                String password = passwordEnv == null ? null : System.getenv(passwordEnv);
                ConfigPublisher publisher = new ConfigPublisher(new FleetBroker(broker, username, password), priv, pub, Clock.systemUTC());
                java.util.List<SiteId> sites = site != null ? java.util.List.of(SiteId.of(site)) : m.sites().stream().map(Site::id).toList();
                for (SiteId s : sites) {
                    if (m.site(s).isEmpty()) {
                        err.println("publish: the school has no site " + s + "; sites: " + m.sites().stream().map(x -> x.id().value()).toList());
                        return 2;
                    }
                    ConfigPublisher.Published p = publisher.publish(m, s);
                    if (save != null) org.frischluft.rooms.AtomicFiles.write(sites.size() == 1 ? save
                            : save.resolveSibling(s.value() + "-" + save.getFileName()), (p.signed() + "\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    w.println("published " + p.topic() + ": version " + p.message().version() + ", "
                            + m.site(s).get().rooms().size() + " rooms, " + m.site(s).get().kiosks().size() + " kiosks, "
                            + p.signed().length() + " bytes, retained");
                }
                return 0;
            } catch (Exception e) {
                err.println("publish: " + e.getMessage());
                return 2;
            } finally {
                w.flush();
                err.flush();
            }
        }
    }

    /** {@code config verify --pub PUB FILE}: exit 0 valid, 2 refused with the reason. */
    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = {"Check a saved configuration message against a public key, as a kiosk would:",
                "exit 0 and 'valid: site, version, ...'; exit 2 and 'refused (reason): ...' for an unsigned, tampered or invalid one."})
    static final class Verify implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Option(names = "--pub", required = true, paramLabel = "PUB", description = "The public key file (frischluft-config.pub).")
        Path pub;

        @Option(names = "--site", paramLabel = "S", description = "Refuse a message for another site.")
        String site;

        @Option(names = "--after", paramLabel = "VERSION", description = "Refuse a version not above this one (a replay).")
        Long after;

        @Parameters(paramLabel = "FILE", description = "The message as saved (config publish --save, or copied from the broker).")
        Path file;

        @Override
        public Integer call() {
            PrintWriter w = spec.commandLine().getOut();
            try {
                PublicKey key = ConfigKeys.readPublic(pub);
                byte[] bytes = Files.readAllBytes(file);
                ConfigVerifier.Verdict v = new ConfigVerifier(key, Clock.systemUTC()).verify(bytes,
                        site == null ? null : SiteId.of(site), after == null ? Long.MIN_VALUE : after);
                if (v instanceof ConfigVerifier.Accepted a) {
                    ConfigMessage m = a.message();
                    Site s = a.school().site(m.site()).orElseThrow();
                    w.println("valid: site " + m.site() + ", version " + m.version() + ", issued " + m.issuedAt() + ", "
                            + s.rooms().size() + " rooms, " + s.kiosks().size() + " kiosks, key " + ConfigKeys.fingerprint(key));
                    return 0;
                }
                ConfigVerifier.Refused r = (ConfigVerifier.Refused) v;
                w.println("refused (" + r.refusal().reason().key() + "): " + r.refusal().detail());
                return 2;
            } catch (Exception e) {
                w.println("refused: " + e.getMessage());
                return 2;
            } finally {
                w.flush();
            }
        }
    }
}

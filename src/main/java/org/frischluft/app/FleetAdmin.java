package org.frischluft.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javafx.application.Platform;
import org.frischluft.admin.SchoolEditor;
import org.frischluft.fleet.ConfigKeys;
import org.frischluft.fleet.ConfigPublisher;
import org.frischluft.fleet.FleetBroker;
import org.frischluft.fleet.FleetRegistry;
import org.frischluft.fleet.KioskStatus;
import org.frischluft.model.Light;
import org.frischluft.model.SiteId;
import org.frischluft.ui.admin.FleetPane;
import org.frischluft.ui.admin.FleetRow;
import org.frischluft.ui.admin.FleetViewModel;
import org.frischluft.ui.common.Messages;

/**
 * The admin app's side of the fleet (issue 11), for the admin shell to host: the {@link FleetPane} fed by a
 * {@link FleetRegistry} on the site's status topics, pairing and "send to all" published signed with the admin's
 * private key by a {@link ConfigPublisher}. Publishing runs on its own thread ({@code fleet-publish}).
 */
public final class FleetAdmin implements AutoCloseable {
    private final FleetRegistry registry;
    private final FleetPane pane;
    private final ExecutorService publishing = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "fleet-publish");
        t.setDaemon(true);
        return t;
    });

    private FleetAdmin(FleetRegistry registry, FleetPane pane) {
        this.registry = registry;
        this.pane = pane;
    }

    /**
     * @param privateKey the admin's key file ({@code config keygen}); its {@code .pub} beside it names the key in messages
     */
    public static FleetAdmin open(SchoolEditor editor, FleetBroker broker, SiteId site, Path privateKey,
                                  Supplier<Messages> messages, Clock clock) throws Exception {
        PrivateKey key = ConfigKeys.readPrivate(privateKey);
        Path pubFile = privateKey.resolveSibling(ConfigKeys.PUBLIC_FILE);
        PublicKey pub = Files.exists(pubFile) ? ConfigKeys.readPublic(pubFile) : null;
        ConfigPublisher publisher = new ConfigPublisher(broker, key, pub, clock);
        FleetRegistry registry = new FleetRegistry(clock);
        FleetAdmin[] self = new FleetAdmin[1];
        FleetViewModel vm = new FleetViewModel(editor, site, (school, s) -> publisher.publish(school, s).message().version(),
                clock, messages, r -> self[0].publishing.execute(r), Platform::runLater);
        FleetPane pane = new FleetPane(vm);
        self[0] = new FleetAdmin(registry, pane);
        registry.subscribe(list -> {
            List<FleetRow> rows = list.stream().map(FleetAdmin::row).toList();
            Platform.runLater(() -> vm.apply(rows));
        });
        registry.connect(broker, site);
        return self[0];
    }

    public FleetPane pane() {
        return pane;
    }

    static FleetRow row(KioskStatus s) {
        Light light = null;
        if (s.light() != null) {
            try {
                light = Light.valueOf(s.light());
            } catch (IllegalArgumentException e) {
                light = null;
            }
        }
        Map<String, Integer> refusals = new java.util.TreeMap<>();
        s.refusals().forEach((k, v) -> refusals.put(k.key(), v));
        return new FleetRow(s.kiosk(), s.site(), s.online(), s.code(), s.room(), s.configVersion(), light, s.valueAt(),
                s.appVersion(), s.startedAt(), refusals);
    }

    @Override
    public void close() {
        registry.close();
        publishing.shutdownNow();
    }
}

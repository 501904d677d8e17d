package org.frischluft.ui.admin;

import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.frischluft.ui.common.Messages;

/**
 * The Screens tab where this app cannot reach the fleet yet: what to put in the settings (site, signing key, a
 * broker) and which command makes the key, instead of an empty table. {@code reason} says what is missing.
 */
public final class FleetSetupPane extends VBox implements AdminTab {
    private final Supplier<Messages> messages;
    private final String reasonKey;
    private final Label title = new Label();
    private final Label body = new Label();
    private final Label reason = new Label();

    /** @param reasonKey the bundle key of what is missing ({@code admin.fleet.setup.reason.*}) */
    public FleetSetupPane(Supplier<Messages> messages, String reasonKey) {
        this.messages = messages;
        this.reasonKey = reasonKey;
        setId("admin-fleet-setup");
        getStyleClass().add("admin-fleet-setup");
        title.getStyleClass().add("admin-section-title");
        body.setWrapText(true);
        reason.setWrapText(true);
        reason.getStyleClass().add("admin-problem");
        setSpacing(12);
        setPadding(new Insets(24));
        setMaxWidth(900);
        getChildren().setAll(title, reason, body);
        relabel();
    }

    @Override
    public String name() {
        return "fleet";
    }

    @Override
    public Node node() {
        return this;
    }

    @Override
    public void relabel() {
        Messages m = messages.get();
        title.setText(m.get("admin.fleet.setup.title"));
        reason.setText(m.get(reasonKey));
        body.setText(m.get("admin.fleet.setup.body"));
    }
}

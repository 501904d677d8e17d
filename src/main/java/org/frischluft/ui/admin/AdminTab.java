package org.frischluft.ui.admin;

/** One tab of the admin area; the shell titles it from the bundle key {@code admin.tab.<name>}. */
public interface AdminTab {
    String name();

    javafx.scene.Node node();

    void relabel();
}

package org.frischluft.ui.admin;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The admin area: behind the admin PIN, one tab per {@link AdminTab} (titled from {@code admin.tab.<name>}), and a
 * language switch (Deutsch / English) that relabels the shell and every tab at once, without a restart. The tabs are
 * given, so other features' tabs plug in (profiles, calendar, import, brokers, fleet).
 */
public final class AdminView extends BorderPane {
    private final AdminViewModel vm;
    private final List<AdminTab> adminTabs;
    private final List<Tab> tabs = new ArrayList<>();
    private final Label title = new Label();
    private final Label warning = new Label();
    private final ToggleButton german = new ToggleButton();
    private final ToggleButton english = new ToggleButton();
    private final Label prompt = new Label();
    private final PasswordField pin = new PasswordField();
    private final Button unlock = new Button();
    private final Label pinMessage = new Label();
    private final TabPane tabPane = new TabPane();
    private VBox gate;

    public AdminView(AdminViewModel vm, List<AdminTab> adminTabs) {
        this.vm = vm;
        this.adminTabs = List.copyOf(adminTabs);
        createParts();
        layoutParts();
        bind();
        relabel();
    }

    private void createParts() {
        setId("admin-view");
        getStyleClass().add("admin-view");
        getStylesheets().add(org.frischluft.ui.common.Theme.STYLESHEET);
        title.setId("admin-title");
        title.getStyleClass().add("admin-title");
        warning.setId("admin-warning");
        warning.getStyleClass().add("admin-warning");
        warning.setWrapText(true);
        ToggleGroup language = new ToggleGroup();
        german.setId("admin-lang-de");
        english.setId("admin-lang-en");
        german.setToggleGroup(language);
        english.setToggleGroup(language);
        german.setMinWidth(Region.USE_PREF_SIZE);
        english.setMinWidth(Region.USE_PREF_SIZE);
        pin.setId("admin-pin");
        pin.setMaxWidth(280);
        unlock.setId("admin-unlock");
        unlock.setDefaultButton(true);
        pinMessage.setId("admin-pin-message");
        pinMessage.getStyleClass().add("admin-problem");
        tabPane.setId("admin-tabs");
        tabPane.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (AdminTab t : adminTabs) {
            Tab tab = new Tab();
            tab.setId("admin-tab-" + t.name());
            tab.setContent(t.node());
            tabs.add(tab);
        }
        tabPane.getTabs().setAll(tabs);
    }

    private void layoutParts() {
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox.setHgrow(warning, Priority.SOMETIMES);
        HBox languages = new HBox(0, german, english);
        HBox top = new HBox(16, title, gap, warning, languages);
        top.setAlignment(Pos.CENTER_LEFT);
        top.getStyleClass().add("admin-header");
        top.setPadding(new Insets(10, 16, 10, 16));
        setTop(top);
        gate = new VBox(12, prompt, pin, unlock, pinMessage);
        gate.setId("admin-gate");
        gate.setAlignment(Pos.CENTER);
        gate.setPadding(new Insets(40));
        setCenter(new StackPane(tabPane, gate));
    }

    private void bind() {
        gate.visibleProperty().bind(vm.unlockedProperty().not());
        tabPane.visibleProperty().bind(vm.unlockedProperty());
        warning.textProperty().bind(vm.warningProperty());
        warning.visibleProperty().bind(vm.warningProperty().isNotEmpty());
        warning.managedProperty().bind(warning.visibleProperty());
        pinMessage.textProperty().bind(vm.gateMessageProperty());
        unlock.disableProperty().bind(vm.checkingProperty());
        unlock.setOnAction(e -> {
            char[] entered = pin.getText().toCharArray();
            pin.clear();
            vm.unlock(entered);
        });
        german.setSelected(vm.texts().locale().getLanguage().equals("de"));
        english.setSelected(!german.isSelected());
        german.setOnAction(e -> {
            german.setSelected(true);
            vm.switchLanguage(Locale.GERMAN);
        });
        english.setOnAction(e -> {
            english.setSelected(true);
            vm.switchLanguage(Locale.ENGLISH);
        });
        vm.texts().messagesProperty().addListener((o, a, b) -> relabel());
        vm.unlockedProperty().addListener((o, a, open) -> {
            if (!open) javafx.application.Platform.runLater(pin::requestFocus);
        });
    }

    /** Every text of the shell and of each tab, in the current language. */
    private void relabel() {
        AdminTexts t = vm.texts();
        title.setText(t.text("admin.title"));
        german.setText(t.text("admin.language.de"));
        english.setText(t.text("admin.language.en"));
        prompt.setText(t.text("admin.pin.prompt"));
        pin.setPromptText(t.text("admin.pin.field"));
        unlock.setText(t.text("admin.pin.unlock"));
        for (int i = 0; i < adminTabs.size(); i++) {
            tabs.get(i).setText(t.text("admin.tab." + adminTabs.get(i).name()));
            adminTabs.get(i).relabel();
        }
    }

    public AdminViewModel viewModel() {
        return vm;
    }

    public List<AdminTab> adminTabs() {
        return adminTabs;
    }
}

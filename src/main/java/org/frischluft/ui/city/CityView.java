package org.frischluft.ui.city;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.frischluft.model.Light;
import org.frischluft.model.RoomId;
import org.frischluft.ui.common.AppStatusViewModel;
import org.frischluft.ui.common.RoomOpener;
import org.frischluft.ui.common.RoomViewModel;
import org.frischluft.ui.common.Theme;

/**
 * The city on one screen (issue 15): every site as one card (counts per state, worst room with its value, silent
 * sensors, low batteries, open alerts), most in need of attention on top; a click opens the site's buildings and
 * floors as room tiles, the back button or Escape returns. A search across the city (sites, buildings, rooms) and
 * "only problems" (every red or grey room across the sites). Every list is virtualised ({@link ListView}): only the
 * cells on screen exist, a drill-down cell reuses its tiles and holds the view models of just the rooms it shows,
 * so the pump touches only those. A click on a room opens the room detail over the page.
 */
public class CityView extends BorderPane {
    static final String STYLESHEET = org.frischluft.ui.common.Theme.STYLESHEET; // the one theme file

    private final CityViewModel vm;
    private final RoomOpener detail;
    private final ListView<SiteSummary> sites = new ListView<>();
    private final ListView<Row> siteRooms = new ListView<>();
    private final ListView<RoomRef> problems = new ListView<>();
    private final ListView<CityViewModel.Hit> hits = new ListView<>();
    private final VBox sitePage = new VBox();
    private final Label siteTitle = new Label();
    private final Label siteCounts = new Label();
    private final Label siteIssues = new Label();
    private final Label problemsTitle = new Label();
    private final Label hitsTitle = new Label();
    private final VBox problemsPage = new VBox();
    private final VBox hitsPage = new VBox();
    private int columns = 1;
    private double fontPx = 16;

    /** A row of the drill-down: a floor's title, or up to {@code columns} of its rooms. */
    record Row(String title, List<RoomId> rooms) {
    }

    public CityView(CityViewModel vm, RoomOpener detail) {
        this.vm = Objects.requireNonNull(vm, "vm");
        this.detail = detail;
        setId("city");
        getStyleClass().addAll("overview", "city");
        getStylesheets().add(STYLESHEET);
        setTop(header());
        setCenter(pages());
        bind();
    }

    private Node header() {
        Label title = new Label();
        title.setId("city-title");
        title.getStyleClass().add("overview-title");
        title.textProperty().bind(vm.titleProperty());
        title.setMinWidth(Region.USE_PREF_SIZE);
        HBox row1 = new HBox(title);
        row1.getStyleClass().add("overview-header-row");
        if (vm.demo()) {
            Label demo = new Label(vm.messages().get("demo.badge"));
            demo.setId("demo-badge");
            demo.getStyleClass().add("demo-badge");
            demo.setMinWidth(Region.USE_PREF_SIZE);
            row1.getChildren().add(demo);
        }
        Label summary = new Label();
        summary.setId("city-summary");
        summary.getStyleClass().add("city-summary");
        summary.textProperty().bind(vm.summaryTextProperty());
        summary.setMinWidth(Region.USE_PREF_SIZE);
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label clock = new Label();
        clock.setId("city-clock");
        clock.getStyleClass().add("overview-clock");
        clock.textProperty().bind(vm.status().clockTextProperty());
        clock.setMinWidth(Region.USE_PREF_SIZE);
        row1.getChildren().addAll(summary, gap, clock);

        HBox row2 = new HBox();
        row2.getStyleClass().add("overview-header-row");
        for (Light l : List.of(Light.RED, Light.YELLOW, Light.GREEN, Light.GREY)) {
            Region icon = new Region();
            icon.getStyleClass().add("state-icon");
            Theme.showLight(icon, l);
            Label chip = new Label();
            chip.getStyleClass().add("count-chip");
            chip.setId("city-count-" + l.id());
            chip.setGraphic(icon);
            Theme.showLight(chip, l);
            chip.textProperty().bind(Bindings.createStringBinding(() -> vm.countText(l, vm.count(l)), vm.countProperty(l)));
            chip.setMinWidth(Region.USE_PREF_SIZE);
            row2.getChildren().add(chip);
        }
        ToggleButton onlyProblems = new ToggleButton(vm.messages().get("city.problems"));
        onlyProblems.setId("city-problems");
        onlyProblems.getStyleClass().add("filter-toggle");
        onlyProblems.setMinWidth(Region.USE_PREF_SIZE);
        onlyProblems.selectedProperty().bindBidirectional(vm.problemsOnlyProperty());
        TextField search = new TextField();
        search.setId("city-search");
        search.getStyleClass().add("room-search");
        search.setPromptText(vm.messages().get("city.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setPrefColumnCount(16);
        search.setMinWidth(Region.USE_PREF_SIZE);
        search.setOnAction(e -> { // Enter takes the first hit
            if (!vm.hits().isEmpty()) choose(vm.hits().get(0), search);
        });
        Region gap2 = new Region();
        HBox.setHgrow(gap2, Priority.ALWAYS);
        Label connected = new Label(vm.messages().get("status.ok"));
        connected.setId("city-connection-ok");
        connected.getStyleClass().add("status-ok");
        connected.setMinWidth(Region.USE_PREF_SIZE);
        AppStatusViewModel s = vm.status();
        connected.visibleProperty().bind(s.connectionTextProperty().isEmpty().and(s.storeTextProperty().isEmpty())
                .and(s.waitingTextProperty().isEmpty()));
        connected.managedProperty().bind(connected.visibleProperty());
        row2.getChildren().addAll(onlyProblems, search, gap2, connected);
        Label status = new Label();
        status.setId("city-status");
        status.getStyleClass().add("status-line");
        status.setMaxWidth(Double.MAX_VALUE);
        status.textProperty().bind(Bindings.createStringBinding(
                () -> java.util.stream.Stream.of(s.getConnectionText(), s.getWaitingText(), s.getStoreText(), s.getSchoolText())
                        .filter(t -> !t.isEmpty()).collect(java.util.stream.Collectors.joining(" · ")),
                s.connectionTextProperty(), s.waitingTextProperty(), s.storeTextProperty(), s.schoolTextProperty()));
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        status.managedProperty().bind(status.visibleProperty());
        VBox header = new VBox(row1, row2);
        header.getStyleClass().add("overview-header");
        return new VBox(header, status);
    }

    private Node pages() {
        sites.setId("city-sites");
        sites.getStyleClass().add("city-list");
        sites.setCellFactory(l -> new SiteCell());
        sites.setPlaceholder(new Label(vm.messages().get("city.waiting")));

        Button back = new Button(vm.messages().get("city.back"));
        back.setId("city-back");
        back.getStyleClass().add("city-back");
        back.setMinWidth(Region.USE_PREF_SIZE);
        back.setOnAction(e -> vm.back());
        siteTitle.setId("city-site-title");
        siteTitle.getStyleClass().add("city-page-title");
        siteTitle.setMinWidth(Region.USE_PREF_SIZE);
        siteCounts.setId("city-site-counts");
        siteCounts.getStyleClass().add("city-card-counts");
        siteIssues.getStyleClass().add("city-card-issues");
        HBox top = new HBox(back, siteTitle, siteCounts, siteIssues);
        top.getStyleClass().add("city-page-header");
        top.setAlignment(Pos.CENTER_LEFT);
        siteRooms.setId("city-site-rooms");
        siteRooms.getStyleClass().add("city-list");
        siteRooms.setCellFactory(l -> new RowCell());
        VBox.setVgrow(siteRooms, Priority.ALWAYS);
        sitePage.getChildren().addAll(top, siteRooms);
        sitePage.setId("city-site-page");

        problems.setId("city-problems-list");
        problems.getStyleClass().add("city-list");
        problems.setCellFactory(l -> new RoomLineCell());
        problems.setPlaceholder(new Label(vm.messages().get("city.problems.none")));
        problemsTitle.getStyleClass().add("city-page-title");
        problemsTitle.setId("city-problems-title");
        Button back2 = new Button(vm.messages().get("city.back"));
        back2.getStyleClass().add("city-back");
        back2.setOnAction(e -> vm.back());
        HBox ptop = new HBox(back2, problemsTitle);
        ptop.getStyleClass().add("city-page-header");
        ptop.setAlignment(Pos.CENTER_LEFT);
        VBox.setVgrow(problems, Priority.ALWAYS);
        problemsPage.getChildren().addAll(ptop, problems);

        hits.setId("city-hits");
        hits.getStyleClass().add("city-list");
        hits.setCellFactory(l -> new HitCell());
        hits.setPlaceholder(new Label(vm.messages().get("city.search.none")));
        hitsTitle.getStyleClass().add("city-page-title");
        hitsTitle.setId("city-hits-title");
        VBox.setVgrow(hits, Priority.ALWAYS);
        HBox htop = new HBox(hitsTitle);
        htop.getStyleClass().add("city-page-header");
        hitsPage.getChildren().addAll(htop, hits);

        StackPane center = new StackPane(sites, sitePage, problemsPage, hitsPage);
        center.getStyleClass().add("city-pages");
        if (detail != null) center.getChildren().add(detail.node());
        return center;
    }

    private void bind() {
        sites.setItems(FXCollections.observableArrayList(vm.sites()));
        // a hidden list is not kept up to date (it catches up when shown), and a shown one changes only the cells
        // whose line changed: at 1,000 msg/s a new state comes every tick
        vm.sitesProperty().addListener((o, a, list) -> {
            if (vm.page() == CityViewModel.Page.CITY) sync(sites.getItems(), list);
        });
        vm.problemsProperty().addListener((o, a, list) -> {
            if (vm.page() == CityViewModel.Page.PROBLEMS) showProblems();
        });
        vm.hitsProperty().addListener((o, a, list) -> showHits());
        vm.groupsProperty().addListener((o, a, g) -> showRows());
        vm.siteProperty().addListener((o, a, s) -> showSiteHeader());
        vm.pageProperty().addListener((o, a, p) -> showPage(p));
        siteRooms.widthProperty().addListener((o, a, w) -> {
            int c = columnsFor(w.doubleValue());
            if (c != columns) {
                columns = c;
                showRows();
            }
        });
        widthProperty().addListener((o, a, w) -> rescale(w.doubleValue()));
        addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() != KeyCode.ESCAPE) return;
            if (detail != null && detail.node().isVisible()) return; // the detail closes itself
            if (vm.back()) e.consume();
        });
        showPage(vm.page());
        rescale(1920);
    }

    /** Only the root font follows the window (13 px at 1366, 16 at 1920); everything else is em. */
    private void rescale(double width) {
        double px = Math.round(Math.max(12, Math.min(16.5, width / 118)) * 2) / 2.0;
        if (px == fontPx && getStyle() != null && !getStyle().isEmpty()) return;
        fontPx = px;
        setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.1fpx;", px));
        // cards and lines of one height: the lists lay out by index, without measuring every cell (theme.css, city view)
        sites.setFixedCellSize(Math.ceil(px * 4.9));
        problems.setFixedCellSize(Math.ceil(px * 4.2));
        hits.setFixedCellSize(Math.ceil(px * 3.9));
        siteRooms.setFixedCellSize(Math.ceil(px * 11.9));
        showRows();
    }

    private int columnsFor(double width) {
        double em = fontPx;
        double tile = em * 10.8 + em * 0.6; // .city-tile width and gap (theme.css, city view)
        return Math.max(1, (int) ((width - em * 1.6 + em * 0.6) / tile)); // less the scroll bar

    }

    /** Makes {@code shown} equal to {@code next}, replacing only the items that differ (so only those cells update). */
    static <T> void sync(javafx.collections.ObservableList<T> shown, List<T> next) {
        if (shown.size() != next.size()) {
            shown.setAll(next);
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!shown.get(i).equals(next.get(i))) shown.set(i, next.get(i));
        }
    }

    private void showPage(CityViewModel.Page p) {
        if (p == CityViewModel.Page.CITY) sync(sites.getItems(), vm.sites());
        sites.setVisible(p == CityViewModel.Page.CITY);
        sitePage.setVisible(p == CityViewModel.Page.SITE);
        problemsPage.setVisible(p == CityViewModel.Page.PROBLEMS);
        hitsPage.setVisible(p == CityViewModel.Page.SEARCH);
        if (p == CityViewModel.Page.PROBLEMS) showProblems();
        if (p == CityViewModel.Page.SEARCH) showHits();
        if (p != CityViewModel.Page.SITE) siteRooms.getItems().clear(); // its cells let go of their rooms
        if (p == CityViewModel.Page.SITE) showRows();
    }

    private void showProblems() {
        problemsTitle.setText(vm.messages().get("city.problems.title", vm.problems().size()));
        sync(problems.getItems(), vm.problems());
    }

    private void showHits() {
        hitsTitle.setText(vm.messages().get("city.search.title", vm.hits().size(), vm.searchProperty().get().strip()));
        hits.getItems().setAll(vm.hits());
    }

    private void showSiteHeader() {
        SiteSummary s = vm.site();
        if (s == null) return;
        siteTitle.setText(s.name());
        siteCounts.setText(vm.countsText(s));
        siteIssues.setText(vm.issuesText(s));
    }

    private void showRows() {
        if (vm.page() != CityViewModel.Page.SITE) return;
        columns = columnsFor(siteRooms.getWidth() > 0 ? siteRooms.getWidth() : getWidth() > 0 ? getWidth() : 1920);
        List<Row> rows = new ArrayList<>();
        int focusRow = -1;
        RoomId focus = vm.focusProperty().get();
        // every row is its floor's title over up to `columns` tiles (a floor wider than the window repeats its
        // title): rows of one height, so the list never measures cells, each measurement a row of view models
        for (CityViewModel.Group g : vm.groups()) {
            for (int i = 0; i < g.rooms().size(); i += columns) {
                List<RoomId> chunk = g.rooms().subList(i, Math.min(g.rooms().size(), i + columns));
                if (focus != null && chunk.contains(focus)) focusRow = rows.size();
                rows.add(new Row(g.title(), chunk));
            }
        }
        sync(siteRooms.getItems(), rows);
        if (focusRow >= 0) siteRooms.scrollTo(focusRow);
        else siteRooms.scrollTo(0);
    }

    private void choose(CityViewModel.Hit hit, Node from) {
        RoomViewModel room = vm.choose(hit);
        if (room != null && detail != null) detail.open(room, from);
    }

    private void openRoom(RoomId id, Node from) {
        if (detail == null) return;
        RoomViewModel room = vm.open(id);
        if (room != null) detail.open(room, from);
    }

    /** A site's card: state icon, name and worst room; counts and issues on the right. */
    private final class SiteCell extends ListCell<SiteSummary> {
        private final Region icon = new Region();
        private final Label name = new Label();
        private final Label worst = new Label();
        private final Label red = new Label();
        private final Label counts = new Label();
        private final Label issues = new Label();
        private final HBox card;

        SiteCell() {
            icon.getStyleClass().add("state-icon");
            name.getStyleClass().add("city-card-name");
            worst.getStyleClass().add("city-card-worst");
            counts.getStyleClass().add("city-card-counts");
            issues.getStyleClass().add("city-card-issues");
            counts.setMinWidth(Region.USE_PREF_SIZE);
            red.getStyleClass().add("city-card-red");
            red.setMinWidth(Region.USE_PREF_SIZE);
            VBox left = new VBox(name, worst);
            left.setMinWidth(0);
            HBox.setHgrow(left, Priority.ALWAYS);
            HBox countRow = new HBox(red, counts);
            countRow.setAlignment(Pos.CENTER_RIGHT);
            countRow.getStyleClass().add("city-card-count-row");
            VBox right = new VBox(countRow, issues);
            right.setAlignment(Pos.CENTER_RIGHT);
            right.setMinWidth(Region.USE_PREF_SIZE);
            Label chevron = new Label("›");
            chevron.getStyleClass().add("city-chevron");
            card = new HBox(icon, left, right, chevron);
            card.setAlignment(Pos.CENTER_LEFT);
            card.getStyleClass().add("city-site-card");
            setAccessibleRole(AccessibleRole.BUTTON);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null) vm.openSite(getItem().id());
            });
            setOnKeyPressed(e -> {
                if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && getItem() != null) {
                    e.consume();
                    vm.openSite(getItem().id());
                }
            });
        }

        @Override
        protected void updateItem(SiteSummary s, boolean empty) {
            super.updateItem(s, empty);
            setText(null);
            if (empty || s == null) {
                setGraphic(null);
                if (getId() != null) setId(null);
                return;
            }
            String id = "city-site-" + s.id().value();
            if (!id.equals(getId())) setId(id); // a new id costs the cell a CSS pass: only when it shows another site
            name.setText(s.name());
            worst.setText(vm.worstText(s));
            red.setText(vm.countText(Light.RED, s.red()));
            red.pseudoClassStateChanged(Theme.ALARM, s.red() > 0);
            counts.setText(vm.countsWithoutRed(s));
            String i = vm.issuesText(s);
            issues.setText(i);
            issues.setVisible(!i.isEmpty());
            issues.setManaged(!i.isEmpty());
            Theme.showLight(card, s.light());
            Theme.showLight(icon, s.light());
            setAccessibleText(s.name() + ", " + counts.getText());
            setGraphic(card);
        }
    }

    /** A drill-down row: a floor's title, or tiles it reuses; it holds the view models of the rooms it shows. */
    private final class RowCell extends ListCell<Row> {
        private final Label title = new Label();
        private final HBox tiles = new HBox();
        private final VBox box = new VBox(title, tiles);
        private final List<RoomId> held = new ArrayList<>();

        RowCell() {
            title.getStyleClass().add("floor-title");
            tiles.getStyleClass().add("city-tile-row");
            box.getStyleClass().add("city-floor-row");
        }

        @Override
        protected void updateItem(Row row, boolean empty) {
            super.updateItem(row, empty);
            setText(null);
            List<RoomId> next = empty || row == null ? List.of() : row.rooms();
            if (!next.equals(held)) {
                for (RoomId id : held) vm.release(id);
                held.clear();
                int i = 0;
                for (RoomId id : next) {
                    RoomViewModel r = vm.hold(id);
                    if (r == null) continue;
                    held.add(id);
                    CityTile t;
                    if (i < tiles.getChildren().size()) {
                        t = (CityTile) tiles.getChildren().get(i);
                    } else {
                        t = new CityTile();
                        CityTile tile = t;
                        t.setOnMouseClicked(e -> {
                            if (e.getButton() == MouseButton.PRIMARY && tile.shown() != null) openRoom(tile.shown().id(), tile);
                        });
                        t.setOnKeyPressed(e -> {
                            if ((e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) && tile.shown() != null) {
                                e.consume();
                                openRoom(tile.shown().id(), tile);
                            }
                        });
                        tiles.getChildren().add(t);
                    }
                    t.show(r);
                    t.setManaged(true);
                    i++;
                }
                for (int k = i; k < tiles.getChildren().size(); k++) {
                    CityTile t = (CityTile) tiles.getChildren().get(k);
                    t.show(null);
                    t.setManaged(false);
                }
            }
            if (empty || row == null) {
                setGraphic(null);
            } else {
                title.setText(row.title());
                setGraphic(box);
            }
        }
    }

    /** One room across the city (problems): state, room, where, CO2, age. */
    private final class RoomLineCell extends ListCell<RoomRef> {
        private final Region icon = new Region();
        private final Label state = new Label();
        private final Label name = new Label();
        private final Label where = new Label();
        private final Label co2 = new Label();
        private final Label age = new Label();
        private final HBox line;

        RoomLineCell() {
            icon.getStyleClass().add("state-icon");
            state.setGraphic(icon);
            state.getStyleClass().add("city-line-state");
            name.getStyleClass().add("city-line-name");
            where.getStyleClass().add("city-line-where");
            co2.getStyleClass().add("city-line-co2");
            age.getStyleClass().add("city-line-age");
            state.setMinWidth(Region.USE_PREF_SIZE);
            co2.setMinWidth(Region.USE_PREF_SIZE);
            VBox text = new VBox(name, where);
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            line = new HBox(state, text, co2, age);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("city-room-line");
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null) openRoom(getItem().id(), this);
            });
            setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER && getItem() != null) openRoom(getItem().id(), this);
            });
        }

        @Override
        protected void updateItem(RoomRef r, boolean empty) {
            super.updateItem(r, empty);
            setText(null);
            if (empty || r == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("city-line-" + r.id().value());
            state.setText(vm.stateText(r));
            name.setText(r.name());
            where.setText(r.siteName() + vm.messages().get("overview.separator") + r.building()
                    + vm.messages().get("overview.separator") + r.floor());
            co2.setText(vm.co2Text(r));
            age.setText(vm.ageText(r));
            Theme.showLight(line, r.light());
            Theme.showLight(icon, r.light());
            setGraphic(line);
        }
    }

    /** A search hit: what it is, its name, where. */
    private final class HitCell extends ListCell<CityViewModel.Hit> {
        private final Label kind = new Label();
        private final Label name = new Label();
        private final Label where = new Label();
        private final Label state = new Label();
        private final Region icon = new Region();
        private final HBox line;

        HitCell() {
            icon.getStyleClass().add("state-icon");
            state.setGraphic(icon);
            state.getStyleClass().add("city-hit-state");
            state.setMinWidth(Region.USE_PREF_SIZE);
            kind.getStyleClass().add("city-hit-kind");
            kind.setMinWidth(Region.USE_PREF_SIZE);
            name.getStyleClass().add("city-line-name");
            where.getStyleClass().add("city-line-where");
            VBox text = new VBox(name, where);
            HBox.setHgrow(text, Priority.ALWAYS);
            line = new HBox(kind, text, state);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add("city-hit");
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && getItem() != null) choose(getItem(), this);
            });
            setOnKeyPressed(e -> {
                if (e.getCode() == KeyCode.ENTER && getItem() != null) choose(getItem(), this);
            });
        }

        @Override
        protected void updateItem(CityViewModel.Hit h, boolean empty) {
            super.updateItem(h, empty);
            setText(null);
            if (empty || h == null) {
                setGraphic(null);
                setId(null);
                return;
            }
            setId("city-hit-" + (h.room() != null ? h.room().value() : h.site().value() + (h.building() == null ? "" : "-" + h.building())));
            kind.setText(vm.messages().get("city.hit.kind." + h.kind().name()));
            name.setText(h.text());
            where.setText(h.detail());
            // a room says how it is now, a site its red count: the hit list is a triage too
            RoomRef r = h.room() == null ? null : vm.line(h.room());
            SiteSummary site = h.kind() == CityViewModel.Hit.Kind.SITE
                    ? vm.sites().stream().filter(x -> x.id().equals(h.site())).findFirst().orElse(null) : null;
            Light light = r != null ? r.light() : site != null ? site.light() : null;
            state.setText(r != null ? vm.stateText(r) + vm.messages().get("overview.separator") + vm.co2Text(r)
                    : site != null ? vm.countsText(site) : "");
            icon.setVisible(light != null);
            Theme.showLight(line, light);
            Theme.showLight(icon, light);
            setGraphic(line);
        }
    }
}

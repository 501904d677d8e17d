package org.frischluft.ui.kiosk;

import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.frischluft.model.LinkStatus;

/**
 * The screen of a kiosk that has no room yet: what to do (title and one line), the pairing code huge enough to be
 * read from the back of a classroom (about 9 cm high on a 55" screen), the QR code with kiosk id and code beside it,
 * the kiosk id and the connection state in words (colour only repeats them). Only the root font follows the window,
 * as on the kiosk; the QR code is redrawn in whole pixels for its size.
 */
public class PairingView extends StackPane {
    private static final PseudoClass CONNECTED = PseudoClass.getPseudoClass("connected");
    private final PairingViewModel vm;
    private Label title;
    private Label code;
    private Label instructions;
    private Label kiosk;
    private Label link;
    private Label refused;
    private ImageView qr;
    private int qrSize;

    public PairingView(PairingViewModel vm) {
        this.vm = vm;
        createParts();
        layoutParts();
        bind();
    }

    public PairingViewModel viewModel() {
        return vm;
    }

    private void createParts() {
        getStyleClass().add("pairing");
        setId("pairing");
        getStylesheets().add(org.frischluft.ui.common.Theme.STYLESHEET);
        title = label("pairing-title", vm.title());
        code = label("pairing-code", vm.code());
        instructions = label("pairing-instructions", vm.instructions());
        kiosk = label("pairing-kiosk", vm.kioskText());
        link = label("pairing-link", "");
        refused = label("pairing-refused", "");
        qr = new ImageView();
        qr.setId("pairing-qr");
        qr.setSmooth(false);
        qr.setPreserveRatio(true);
    }

    private static Label label(String id, String text) {
        Label l = new Label(text);
        l.setId(id);
        l.getStyleClass().add(id);
        l.setWrapText(true);
        return l;
    }

    private void layoutParts() {
        StackPane qrFrame = new StackPane(qr);
        qrFrame.getStyleClass().add("pairing-qr-frame");
        qrFrame.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        VBox left = new VBox(title, code, instructions);
        left.getStyleClass().add("pairing-left");
        left.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(left, javafx.scene.layout.Priority.ALWAYS);
        HBox middle = new HBox(left, qrFrame);
        middle.getStyleClass().add("pairing-middle");
        middle.setAlignment(Pos.CENTER);
        VBox bottom = new VBox(kiosk, link, refused);
        bottom.getStyleClass().add("pairing-bottom");
        VBox all = new VBox(middle, bottom);
        all.getStyleClass().add("pairing-all");
        all.setAlignment(Pos.CENTER);
        VBox.setVgrow(middle, javafx.scene.layout.Priority.ALWAYS);
        getChildren().add(all);
    }

    private void bind() {
        link.textProperty().bind(vm.linkTextProperty());
        refused.textProperty().bind(vm.refusalTextProperty());
        refused.visibleProperty().bind(vm.refusalTextProperty().isNotEmpty());
        vm.linkProperty().addListener((obs, o, n) -> showLink(n));
        showLink(vm.getLink());
        widthProperty().addListener((obs, o, n) -> rescale());
        heightProperty().addListener((obs, o, n) -> rescale());
        rescale();
    }

    private void showLink(LinkStatus.State s) {
        link.pseudoClassStateChanged(CONNECTED, s == LinkStatus.State.CONNECTED);
    }

    /** The root font as on the kiosk (20 px at 1920×1080); the QR code a third of the height, in whole pixels per module. */
    private void rescale() {
        double w = getWidth() > 0 ? getWidth() : KioskView.DESIGN_WIDTH;
        double h = getHeight() > 0 ? getHeight() : KioskView.DESIGN_HEIGHT;
        double px = Math.max(8, KioskView.BASE_FONT_PX * Math.min(w / KioskView.DESIGN_WIDTH, h / KioskView.DESIGN_HEIGHT));
        setStyle(String.format(java.util.Locale.ROOT, "-fx-font-size: %.2fpx;", px));
        int size = (int) Math.round(Math.min(w * 0.3, h * 0.45));
        if (size != qrSize && size > 0) {
            qrSize = size;
            qr.setImage(QrCodes.image(vm.qrText(), size));
        }
    }
}

package org.frischluft.ui.kiosk;

import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.frischluft.model.LinkStatus;
import org.frischluft.ui.common.Messages;

/**
 * The pairing screen of a kiosk without a room: its code (huge), the text its QR code carries, its id, its site and
 * the state of its broker connection in words. FX thread only; no nodes.
 */
public final class PairingViewModel {
    private final Messages messages;
    private final String code;
    private final String kioskId;
    private final String site;
    private final String qrText;
    private final ReadOnlyObjectWrapper<LinkStatus.State> link = new ReadOnlyObjectWrapper<>(this, "link", LinkStatus.State.CONNECTING);
    private final ReadOnlyStringWrapper linkText = new ReadOnlyStringWrapper(this, "linkText");
    private final ReadOnlyStringWrapper refusalText = new ReadOnlyStringWrapper(this, "refusalText", "");

    /**
     * @param code   as shown, {@code K7M-4PX}
     * @param qrText what the QR code encodes (kiosk id and code)
     */
    public PairingViewModel(Messages messages, String code, String kioskId, String site, String qrText) {
        this.messages = Objects.requireNonNull(messages, "messages");
        this.code = Objects.requireNonNull(code, "code");
        this.kioskId = Objects.requireNonNull(kioskId, "kioskId");
        this.site = site == null ? "" : site;
        this.qrText = Objects.requireNonNull(qrText, "qrText");
        applyLink(LinkStatus.State.CONNECTING, "");
    }

    /** The broker connection changed. */
    public void applyLink(LinkStatus.State state, String broker) {
        link.set(state);
        linkText.set(messages.get("pairing.link." + state.name().toLowerCase(java.util.Locale.ROOT), broker == null ? "" : broker));
    }

    /** A configuration was refused (tampered, unsigned, ...): said on the screen, small, with the count. */
    public void applyRefused(String reasonKey, int total) {
        refusalText.set(messages.get("pairing.refused", messages.get("fleet.refusal." + reasonKey), total));
    }

    public Messages messages() {
        return messages;
    }

    public String code() {
        return code;
    }

    public String kioskId() {
        return kioskId;
    }

    public String qrText() {
        return qrText;
    }

    public String title() {
        return messages.get("pairing.title");
    }

    public String instructions() {
        return messages.get("pairing.instructions");
    }

    public String kioskText() {
        return site.isEmpty() ? messages.get("pairing.kiosk", kioskId) : messages.get("pairing.kiosk-site", kioskId, site);
    }

    public ReadOnlyObjectProperty<LinkStatus.State> linkProperty() { return link.getReadOnlyProperty(); }
    public ReadOnlyStringProperty linkTextProperty() { return linkText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty refusalTextProperty() { return refusalText.getReadOnlyProperty(); }
    public LinkStatus.State getLink() { return link.get(); }
    public String getLinkText() { return linkText.get(); }
    public String getRefusalText() { return refusalText.get(); }
}

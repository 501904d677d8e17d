package org.frischluft.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.util.Base64;
import java.util.Objects;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Problem;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;

/**
 * Checks a configuration message against the public key a kiosk was installed or paired with: signed with EdDSA by
 * that key, unchanged, for this site, newer than the version applied, and a valid school file. Pure: no MQTT, no
 * files; the {@link Clock} only stamps refusals.
 */
public final class ConfigVerifier {
    /** The outcome: a message to apply or why not. */
    public sealed interface Verdict permits Accepted, Refused {
    }

    /** A valid message: its content and its school as a model; {@code raw} is the message as received. */
    public record Accepted(ConfigMessage message, SchoolModel school, String raw) implements Verdict {
    }

    public record Refused(Refusal refusal) implements Verdict {
    }

    private final PublicKey key;
    private final Clock clock;

    public ConfigVerifier(PublicKey key, Clock clock) {
        this.key = Objects.requireNonNull(key, "key");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * @param site        the kiosk's site, or null to accept any (the CLI's {@code config verify})
     * @param lastVersion the version applied so far; a message must be above it ({@code Long.MIN_VALUE}: none yet)
     */
    public Verdict verify(byte[] bytes, SiteId site, long lastVersion) {
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return refuse(Refusal.Reason.UNSIGNED, text.startsWith("{") ? "plain JSON without a signature"
                    : "not a signed message (expected header.payload.signature)");
        }
        JsonNode header;
        JsonNode payload;
        byte[] signature;
        try {
            header = ConfigMessage.JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            payload = ConfigMessage.JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            signature = Base64.getUrlDecoder().decode(parts[2]);
        } catch (IllegalArgumentException | IOException e) {
            return refuse(Refusal.Reason.TAMPERED, "the message is damaged (not base64url JSON)");
        }
        if (header == null || !header.isObject() || payload == null || !payload.isObject()) {
            return refuse(Refusal.Reason.TAMPERED, "the message is damaged (header or payload not a JSON object)");
        }
        String alg = header.path("alg").asText("");
        if (!alg.equals("EdDSA")) {
            return refuse(Refusal.Reason.UNSIGNED, "signature algorithm '" + alg + "' is not EdDSA");
        }
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initVerify(key);
            s.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            if (!s.verify(signature)) {
                String kid = header.path("kid").asText("");
                String mine = ConfigKeys.fingerprint(key);
                return refuse(Refusal.Reason.TAMPERED, !kid.isEmpty() && !kid.equals(mine)
                        ? "signed with another key (" + kid + ", expected " + mine + ")"
                        : "the signature does not match the content (changed after signing)");
            }
        } catch (GeneralSecurityException e) {
            return refuse(Refusal.Reason.TAMPERED, "the signature cannot be checked: " + e.getMessage());
        }
        ConfigMessage m;
        try {
            m = ConfigMessage.fromPayload(payload);
        } catch (IllegalArgumentException e) {
            return refuse(Refusal.Reason.INVALID, "signed, but the payload has " + e.getMessage());
        }
        if (site != null && !m.site().equals(site)) {
            return refuse(Refusal.Reason.OTHER_SITE, "for site " + m.site() + ", this is " + site);
        }
        if (m.version() <= lastVersion) {
            return refuse(Refusal.Reason.REPLAYED, "version " + m.version() + " is not newer than the applied " + lastVersion);
        }
        SchoolFile.Result r = SchoolFile.parse(m.school().getBytes(StandardCharsets.UTF_8), null);
        if (!r.ok()) {
            Problem first = r.errors().get(0);
            return refuse(Refusal.Reason.INVALID, "the school in it has " + r.errors().size() + " problem(s), first: "
                    + first.describe(java.util.Locale.ENGLISH));
        }
        if (r.model().site(m.site()).isEmpty()) {
            return refuse(Refusal.Reason.INVALID, "the school in it has no site " + m.site());
        }
        return new Accepted(m, r.model(), text);
    }

    private Refused refuse(Refusal.Reason reason, String detail) {
        return new Refused(new Refusal(reason, detail, clock.instant()));
    }
}

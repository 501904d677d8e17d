package org.frischluft.fleet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import org.frischluft.model.SiteId;
import org.frischluft.rooms.Site;
import org.frischluft.rooms.SchoolModel;
import org.frischluft.rooms.file.SchoolFile;

/**
 * One site's configuration as it travels on {@code frischluft/<site>/config}: a JWS in compact serialization
 * ({@code header.payload.signature}, base64url, RFC 7515) with {@code alg: EdDSA} (Ed25519, RFC 8037). The payload
 * is {@code {"site", "version", "issuedAt", "school"}}, {@code school} being the school file of that one site (the
 * {@code SchoolFile} format, kiosks and their rooms included). See {@code docs/config-message.md}.
 *
 * @param version strictly increasing per site; a kiosk refuses any version not above the one it applied
 * @param school  the school file's JSON text (one site)
 */
public record ConfigMessage(SiteId site, long version, Instant issuedAt, String school) {
    static final ObjectMapper JSON = new ObjectMapper();
    public static final String TYPE = "frischluft-config+jws";

    public ConfigMessage {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(issuedAt, "issuedAt");
        Objects.requireNonNull(school, "school");
    }

    /** The message for {@code site} of {@code model}: the model reduced to that site (profiles and mappings kept). */
    public static ConfigMessage of(SchoolModel model, SiteId site, long version, Instant issuedAt) {
        Site s = model.site(site).orElseThrow(() -> new IllegalArgumentException("the school has no site " + site
                + "; sites: " + model.sites().stream().map(x -> x.id().value()).toList()));
        SchoolModel one = new SchoolModel(model.operator(), model.defaultProfile(), model.profiles(), model.mappings(),
                model.defaultModels(), List.of(s));
        return new ConfigMessage(site, version, issuedAt, SchoolFile.toJson(one));
    }

    /** The payload JSON (what the signature covers, base64url-encoded). */
    public byte[] payload() {
        ObjectNode o = JSON.createObjectNode();
        o.put("site", site.value()).put("version", version).put("issuedAt", issuedAt.toString());
        try {
            o.set("school", JSON.readTree(school));
            return JSON.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the school is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** The signed message, ready to publish. */
    public String sign(PrivateKey key, String keyId) {
        ObjectNode h = JSON.createObjectNode().put("alg", "EdDSA").put("typ", TYPE);
        if (keyId != null) h.put("kid", keyId);
        try {
            String header = b64(JSON.writeValueAsBytes(h));
            String body = b64(payload());
            String input = header + "." + body;
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(input.getBytes(StandardCharsets.US_ASCII));
            return input + "." + b64(s.sign());
        } catch (JsonProcessingException | GeneralSecurityException e) {
            throw new IllegalStateException("could not sign: " + e.getMessage(), e);
        }
    }

    /** The school of the message as a model, or null with the reason in {@code problems}. */
    static ConfigMessage fromPayload(JsonNode p) {
        JsonNode site = p.get("site");
        JsonNode version = p.get("version");
        JsonNode issued = p.get("issuedAt");
        JsonNode school = p.get("school");
        if (site == null || !site.isTextual() || !SiteId.isValid(site.asText())) throw new IllegalArgumentException("no valid 'site'");
        if (version == null || !version.canConvertToLong() || !version.isIntegralNumber()) throw new IllegalArgumentException("no numeric 'version'");
        if (issued == null || !issued.isTextual()) throw new IllegalArgumentException("no 'issuedAt'");
        if (school == null || !school.isObject()) throw new IllegalArgumentException("no 'school' object");
        Instant at;
        try {
            at = Instant.parse(issued.asText());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("'issuedAt' is not a time: " + issued.asText());
        }
        return new ConfigMessage(SiteId.of(site.asText()), version.asLong(), at, school.toString());
    }

    /** A message and its signed text. */
    public record Signed(ConfigMessage message, String text) {
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}

package org.frischluft.ingest.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import org.frischluft.ingest.decode.DecodeResult.Rejected;

/**
 * JSON as the decoder reads it: strict (no NaN, no trailing tokens, no duplicate keys), the settings' length and
 * nesting limits enforced by the parser, also inside what a streaming reader skips. Thread-safe.
 */
final class StrictJson {
    private final ObjectMapper mapper;
    /** Reads one value (a decoded payload) out of a running parser; the rest of the document follows. */
    private final ObjectReader subtrees;

    StrictJson(DecoderSettings settings) {
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(settings.maxDepth())
                        .maxDocumentLength(settings.maxBytes())
                        .build())
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
        this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.subtrees = mapper.reader().without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    JsonNode tree(byte[] body) throws IOException {
        return mapper.readTree(body);
    }

    JsonNode tree(String text) throws IOException {
        return mapper.readTree(text);
    }

    JsonParser parser(byte[] body) throws IOException {
        return mapper.getFactory().createParser(body);
    }

    /** The value the parser stands on, as a tree; the parser then stands on its last token. */
    JsonNode subtree(JsonParser p) throws IOException {
        return subtrees.readTree(p);
    }

    /** The rejection for a parse failure: too-deep, too-large or malformed-json, with the parser's first line. */
    static Rejected error(IOException e) {
        if (e instanceof StreamConstraintsException) {
            String m = String.valueOf(e.getMessage());
            if (m.contains("depth")) return new Rejected("too-deep: " + firstLine(m));
            if (m.contains("length")) return new Rejected("too-large: " + firstLine(m));
        }
        String m = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
        return new Rejected("malformed-json: " + firstLine(String.valueOf(m)));
    }

    /** A scalar field as text; null when {@code n} is null or the field is absent, null or a container. */
    static String text(JsonNode n, String field) {
        if (n == null) return null;
        JsonNode v = n.get(field);
        return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
    }

    /** {@code root} at a JSON pointer (RFC 6901), or null when the pointer is not one. */
    static JsonNode at(JsonNode root, String pointer) {
        try {
            return root.at(JsonPointer.compile(pointer));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

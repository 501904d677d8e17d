package org.frischluft.ingest.decode;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;

/** Lets the CLI test share the corpus loader and the expected-status rule. */
public final class CorpusCasesTestAccess {
    private CorpusCasesTestAccess() {
    }

    public static List<JsonNode> cases() throws IOException {
        return CorpusCasesTest.cases();
    }

    public static String expectedStatus(String id, JsonNode expected) {
        return CorpusCasesTest.expectedStatus(id, expected);
    }
}

package io.masspay.cli.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.PrintWriter;

/** {@code --json}: the service's answer, indented, for jq and scripts. */
final class JsonOutput {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonOutput() {
    }

    static void print(PrintWriter out, JsonNode body) throws JsonProcessingException {
        out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body));
    }
}

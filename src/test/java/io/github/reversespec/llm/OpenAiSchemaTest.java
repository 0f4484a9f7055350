package io.github.reversespec.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our chat request bodies satisfy OpenAI's published CreateChatCompletionRequest schema. */
class OpenAiSchemaTest {

    private static final String RESOURCE = "chat-completion-request.schema.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ModelRequest REQUEST =
            new ModelRequest("You write specs.", "package com.acme;\nclass A {}", 4000);

    private static Schema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = OpenAiSchemaTest.class.getResourceAsStream(RESOURCE)) {
            schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(in, InputFormat.JSON);
        }
    }

    private static List<Error> errors(String body) {
        return schema.validate(body, InputFormat.JSON);
    }

    private static String bodyFor(URI baseUrl, Double temperature, ModelRequest request) {
        try (OpenAiClient client = new OpenAiClient(
                ClientConfig.of(baseUrl, "gpt-4o-mini", Secret.of("k")).withTemperature(temperature))) {
            return client.requestJson(request);
        }
    }

    @Test
    void openAiRequestBodyValidates() {
        String body = bodyFor(OpenAiClient.DEFAULT_BASE_URL, null, REQUEST);

        assertThat(body).contains("max_completion_tokens");
        assertThat(errors(body)).isEmpty();
    }

    @Test
    void compatibleServerRequestBodyValidates() {
        String body = bodyFor(OpenAiClient.OLLAMA_BASE_URL, 0.2, new ModelRequest("", "just the user", 1));

        assertThat(body).contains("\"max_tokens\"").contains("\"temperature\"");
        assertThat(errors(body)).isEmpty();
    }

    @Test
    void theSchemaCatchesBrokenBodies() throws Exception {
        ObjectNode valid = (ObjectNode) JSON.readTree(bodyFor(OpenAiClient.DEFAULT_BASE_URL, null, REQUEST));

        ObjectNode noMessages = valid.deepCopy();
        noMessages.putArray("messages");
        ObjectNode badRole = valid.deepCopy();
        ((ObjectNode) badRole.path("messages").get(0)).put("role", "narrator");
        ObjectNode stringLimit = valid.deepCopy();
        stringLimit.put("max_completion_tokens", "4000");
        ObjectNode noModel = valid.deepCopy();
        noModel.remove("model");

        assertThat(errors(noMessages.toString())).isNotEmpty();
        assertThat(errors(badRole.toString())).isNotEmpty();
        assertThat(errors(stringLimit.toString())).isNotEmpty();
        assertThat(errors(noModel.toString())).isNotEmpty();
    }

    @Test
    void bundledSchemasMatchTheSharedContract() throws Exception {
        Path shared = Path.of("..", "shared", "contracts", "openai-openapi.json");
        Assumptions.assumeTrue(Files.isRegularFile(shared), "no shared contract beside the project");
        JsonNode full = JSON.readTree(shared.toFile()).path("components").path("schemas");
        JsonNode bundled;
        try (InputStream in = getClass().getResourceAsStream(RESOURCE)) {
            bundled = JSON.readTree(in).path("components").path("schemas");
        }

        assertThat(bundled.size()).isGreaterThan(10);
        for (Iterator<Map.Entry<String, JsonNode>> it = bundled.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            assertThat(entry.getValue()).as(entry.getKey()).isEqualTo(full.get(entry.getKey()));
        }
    }
}

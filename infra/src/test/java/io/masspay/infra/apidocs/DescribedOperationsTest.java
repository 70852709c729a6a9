package io.masspay.infra.apidocs;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The description and the controllers are held together: what springdoc generates from a record (named the
 * wire's way by the PascalCase model resolver) must have the described fields, and every route must be on
 * both sides.
 */
class DescribedOperationsTest {

    record Receipt(String batchId, int attemptNo, List<Line> lines) {
        record Line(String transactionId) {
        }
    }

    private static final String DESCRIBED = """
            openapi: 3.1.0
            info: {title: t, version: v}
            paths:
              /x/{BatchId}:
                get:
                  summary: read
                  security: &issuer [{ApiKey: []}]
                  parameters: [{name: BatchId, in: path, required: true, schema: {type: string}}]
                  responses:
                    '200':
                      description: ok
                      content:
                        application/json:
                          schema: {$ref: '#/components/schemas/R'}
            %s
            components:
              schemas:
                R:
                  type: object
                  properties:
                    BatchId: {type: string}
                    %s: {type: integer}
                    Lines: {type: array, items: {type: object, properties: {%s: {type: string}}}}
            """;

    @Test
    void shouldAgreeWhenTheDescribedFieldsAreTheGeneratedOnesInPascalCase() {
        OpenAPI document = customised(described("", "AttemptNo", "TransactionId"), generated(false));
        assertThat(problems(document)).isEmpty();
        assertThat(document.getPaths()).containsOnlyKeys("/x/{BatchId}");
        assertThat(document.getPaths().get("/x/{BatchId}").getGet().getSecurity()).hasSize(1);
    }

    @Test
    void shouldListAFieldTheDescriptionNamesOtherwiseThanTheCode() {
        assertThat(problems(customised(described("", "Attempt", "TransactionId"), generated(false))))
                .singleElement().asString().contains("GET /x/{} response", "AttemptNo", "Attempt");
        assertThat(problems(customised(described("", "AttemptNo", "TxId"), generated(false))))
                .singleElement().asString().contains("response.Lines", "TransactionId", "TxId");
    }

    @Test
    void shouldListARouteOnOneSideOnly() {
        OpenAPI document = customised(described("", "AttemptNo", "TransactionId"), generated(true));
        assertThat(problems(document)).singleElement().asString().contains("POST /y/{}", "not described");
        Operation undocumented = document.getPaths().get("/y/{RecipientId}").getPost();
        assertThat(undocumented.getTags()).contains("Undocumented");

        String extra = """
              /z:
                get: {summary: z, responses: {'200': {description: ok}}}
              /actuator/health:
                get: {summary: h, x-served-by: Actuator, responses: {'200': {description: ok}}}
            """.stripTrailing();
        assertThat(problems(customised(described(extra, "AttemptNo", "TransactionId"), generated(false))))
                .singleElement().asString().contains("GET /z", "no controller serves it");
    }

    /** Two handler methods on one path, told apart by a query parameter: springdoc answers a oneOf of both bodies. */
    record Listing(int page, List<Receipt.Line> items) {
    }

    @Test
    void shouldHoldEachBodyOfAPathThatAnswersTwoToADescribedAlternative() {
        String listing = """
                    L:
                      type: object
                      properties:
                        Page: {type: integer}
                        Items: {type: array, items: {type: object, properties: {%s: {type: string}}}}
                """;
        String both = "schema: {oneOf: [{$ref: '#/components/schemas/R'}, {$ref: '#/components/schemas/L'}]}";
        String agreeing = described("", "AttemptNo", "TransactionId").replace("schema: {$ref: '#/components/schemas/R'}", both)
                + listing.formatted("TransactionId");
        assertThat(problems(customised(agreeing, generatedWithTwoBodies()))).isEmpty();

        assertThat(problems(customised(described("", "AttemptNo", "TransactionId"), generatedWithTwoBodies())))
                .as("only one of the two bodies described").singleElement().asString()
                .contains("GET /x/{} response", "[Items, Page]", "no described alternative");
        String misnamed = described("", "AttemptNo", "TransactionId").replace("schema: {$ref: '#/components/schemas/R'}", both)
                + listing.formatted("TxId");
        assertThat(problems(customised(misnamed, generatedWithTwoBodies()))).singleElement().asString()
                .contains("response.Items", "TransactionId", "TxId");
    }

    @SuppressWarnings("rawtypes")
    private static OpenAPI generatedWithTwoBodies() {
        OpenAPI generated = generated(false);
        ModelConverters converters = new ModelConverters();
        converters.addConverter(new ApiDocumentationConfiguration().pascalCaseModelResolver());
        Map<String, Schema> schemas = new LinkedHashMap<>(generated.getComponents().getSchemas());
        schemas.putAll(converters.readAll(Listing.class));
        generated.getComponents().setSchemas(schemas);
        MediaType body = generated.getPaths().get("/x/{batchId}").getGet().getResponses().get("200").getContent().get("*/*");
        body.setSchema(new Schema<>().oneOf(List.of(new Schema<>().$ref("#/components/schemas/Listing"),
                new Schema<>().$ref("#/components/schemas/Receipt"))));
        return generated;
    }

    private static String described(String extraPaths, String attemptField, String lineField) {
        return DESCRIBED.formatted(extraPaths, attemptField, lineField);
    }

    /** What springdoc would hand over: a route answering the record, its schemas resolved by our resolver. */
    @SuppressWarnings("rawtypes")
    private static OpenAPI generated(boolean withUndescribedRoute) {
        ModelConverters converters = new ModelConverters();
        converters.addConverter(new ApiDocumentationConfiguration().pascalCaseModelResolver());
        Map<String, Schema> schemas = converters.readAll(Receipt.class);
        Paths paths = new Paths().addPathItem("/x/{batchId}", new PathItem().get(new Operation()
                .addParametersItem(new Parameter().name("batchId").in("path"))
                .responses(new ApiResponses().addApiResponse("200", new ApiResponse().content(new Content()
                        .addMediaType("*/*", new MediaType().schema(new Schema<>().$ref("#/components/schemas/Receipt"))))))));
        if (withUndescribedRoute) {
            paths.addPathItem("/y/{recipientId}", new PathItem().post(new Operation()
                    .addParametersItem(new Parameter().name("recipientId").in("path")).responses(new ApiResponses())));
        }
        return new OpenAPI().paths(paths).components(new Components().schemas(schemas));
    }

    private static OpenAPI customised(String yaml, OpenAPI generated) {
        new DescribedOperations(yaml).customise(generated);
        return generated;
    }

    @SuppressWarnings("unchecked")
    private static List<String> problems(OpenAPI document) {
        Map<String, Object> extensions = document.getInfo().getExtensions();
        return extensions == null ? List.of() : (List<String>) extensions.get(DescribedOperations.PROBLEMS);
    }
}

package io.masspay.infra.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the field names of a described body with those of the body the controller really declares
 * (the record springdoc resolved, named the wire's way): a field renamed or added in the code and not in the
 * description, or the other way round, is a problem. Bodies the code declares as bytes, text or a stream
 * have no fields to compare; those are held to the contract by the contract test's examples instead.
 */
final class SchemaDrift {

    private static final int MAX_DEPTH = 4;
    private static final Set<String> OPAQUE = Set.of("DataBuffer");

    private final Components generated;
    private final Components described;

    SchemaDrift(Components generated, Components described) {
        this.generated = generated == null ? new Components() : generated;
        this.described = described == null ? new Components() : described;
    }

    List<String> compare(String route, Operation served, Operation description) {
        List<String> problems = new ArrayList<>();
        Optional<Schema<?>> servedRequest = body(served.getRequestBody() == null ? null : served.getRequestBody().getContent());
        Optional<Schema<?>> describedRequest = body(description.getRequestBody() == null ? null
                : description.getRequestBody().getContent());
        if (servedRequest.isPresent() && describedRequest.isPresent()) {
            compare(route + " request", servedRequest.get(), describedRequest.get(), 0, problems);
        }
        Optional<Schema<?>> servedResponse = success(served);
        Optional<Schema<?>> describedResponse = success(description);
        if (servedResponse.isPresent() && describedResponse.isPresent()) {
            compare(route + " response", servedResponse.get(), describedResponse.get(), 0, problems);
        }
        return problems;
    }

    private void compare(String where, Schema<?> served, Schema<?> description, int depth, List<String> problems) {
        if (depth > MAX_DEPTH) {
            return;
        }
        List<Schema<?>> servedShapes = alternatives(served, generated);
        List<Schema<?>> describedShapes = alternatives(description, described);
        if (servedShapes.size() > 1 || describedShapes.size() > 1) {
            compareAlternatives(where, servedShapes, describedShapes, depth, problems);
            return;
        }
        Schema<?> s = fields(served, generated);
        Schema<?> d = fields(description, described);
        if (s == null || d == null || s.getProperties() == null || d.getProperties() == null) {
            return;
        }
        Set<String> servedNames = new TreeSet<>(s.getProperties().keySet());
        Set<String> describedNames = new TreeSet<>(d.getProperties().keySet());
        if (!servedNames.equals(describedNames)) {
            problems.add(where + ": the service has " + servedNames + ", the description " + describedNames);
            return;
        }
        for (String name : servedNames) {
            compare(where + "." + name, s.getProperties().get(name), d.getProperties().get(name), depth + 1, problems);
        }
    }

    /**
     * One path answering two bodies (springdoc merges handler methods told apart by a query parameter into one
     * operation whose body is a {@code oneOf}): each body the service answers must be one the description lists,
     * with the same fields, and the other way round. Alternatives are paired by their field names.
     */
    private void compareAlternatives(String where, List<Schema<?>> servedShapes, List<Schema<?>> describedShapes,
                                     int depth, List<String> problems) {
        List<Schema<?>> unmatched = new ArrayList<>(describedShapes);
        for (Schema<?> servedShape : servedShapes) {
            Set<String> names = new TreeSet<>(servedShape.getProperties().keySet());
            Optional<Schema<?>> twin = unmatched.stream()
                    .filter(d -> names.equals(new TreeSet<>(d.getProperties().keySet()))).findFirst();
            if (twin.isEmpty()) {
                problems.add(where + ": the service answers " + names + ", which no described alternative has");
                continue;
            }
            unmatched.remove(twin.get());
            for (String name : names) {
                compare(where + "." + name, servedShape.getProperties().get(name), twin.get().getProperties().get(name),
                        depth + 1, problems);
            }
        }
        unmatched.forEach(d -> problems.add(where + ": the description has " + new TreeSet<>(d.getProperties().keySet())
                + ", which the service never answers"));
    }

    /**
     * The object bodies a schema stands for: its {@code oneOf} alternatives that have fields, else the object
     * itself. Alternatives without fields ({@code oneOf: [ErrorCode, null]}) are left to the plain comparison.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<Schema<?>> alternatives(Schema<?> schema, Components components) {
        Schema<?> resolved = dereference(schema, components);
        List<Schema<?>> shapes = new ArrayList<>();
        if (resolved != null && resolved.getOneOf() != null) {
            for (Schema alternative : resolved.getOneOf()) {
                Schema<?> object = fields(alternative, components);
                if (object != null && object.getProperties() != null) {
                    shapes.add(object);
                }
            }
        }
        if (shapes.isEmpty()) {
            Schema<?> object = fields(schema, components);
            if (object != null && object.getProperties() != null) {
                shapes.add(object);
            }
        }
        return shapes;
    }

    private static Schema<?> dereference(Schema<?> schema, Components components) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && current.get$ref() != null && hops < 8; hops++) {
            String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
            if (OPAQUE.contains(name) || components.getSchemas() == null) {
                return null;
            }
            current = components.getSchemas().get(name);
        }
        return current;
    }

    /** The object schema behind a reference or an array's items; {@code null} for opaque types. */
    private static Schema<?> fields(Schema<?> schema, Components components) {
        Schema<?> current = schema;
        for (int hops = 0; current != null && hops < 8; hops++) {
            if (current.get$ref() != null) {
                String name = current.get$ref().substring(current.get$ref().lastIndexOf('/') + 1);
                if (OPAQUE.contains(name) || components.getSchemas() == null) {
                    return null;
                }
                current = components.getSchemas().get(name);
            } else if (current.getItems() != null) {
                current = current.getItems();
            } else {
                return current;
            }
        }
        return current;
    }

    private static Optional<Schema<?>> success(Operation operation) {
        if (operation.getResponses() == null) {
            return Optional.empty();
        }
        return operation.getResponses().entrySet().stream()
                .filter(e -> e.getKey().startsWith("2"))
                .map(Map.Entry::getValue)
                .map(ApiResponse::getContent)
                .map(SchemaDrift::body)
                .flatMap(Optional::stream)
                .findFirst();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Optional<Schema<?>> body(Content content) {
        if (content == null) {
            return Optional.empty();
        }
        for (String type : List.of("application/json", "*/*")) {
            MediaType media = content.get(type);
            if (media != null && media.getSchema() != null) {
                return Optional.of((Schema) media.getSchema());
            }
        }
        return Optional.empty();
    }
}

package io.masspay.infra.apidocs;

import io.swagger.v3.core.util.Yaml31;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.servers.Server;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Completes the document springdoc generates from the controllers with the hand-written description in
 * {@code openapi/masspay-api.yaml}: each route found gets the described operation (summary, parameters with
 * the contract's names, request and response schemas, examples, security). The two halves are held
 * together: a route without a description, a description without a route (unless it names the component
 * that serves it, {@code x-served-by}) and a described schema whose fields differ from the generated one
 * are listed under {@code info.x-masspay-doc-problems}, which the contract test requires to be absent.
 */
class DescribedOperations implements OpenApiCustomizer {

    static final String PROBLEMS = "x-masspay-doc-problems";
    private static final Logger log = LoggerFactory.getLogger(DescribedOperations.class);

    private final String yaml;

    /** Parsed once here, so a description that does not parse stops the application at startup. */
    DescribedOperations(String yaml) {
        this.yaml = yaml;
        parse();
    }

    static String load(String resource) {
        try (InputStream in = DescribedOperations.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A fresh model per call: springdoc may customise more than once (per group, per server URL). SnakeYAML
     * reads the text first because Jackson's YAML parser does not resolve anchors ({@code &issuer}/{@code *issuer}).
     */
    private OpenAPI parse() {
        Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return Yaml31.mapper().convertValue(tree, OpenAPI.class);
    }

    @Override
    public void customise(OpenAPI generated) {
        OpenAPI description = parse();
        Map<String, Route> found = Route.all(generated.getPaths());
        Map<String, Route> documented = Route.all(description.getPaths());
        List<String> problems = new ArrayList<>();
        SchemaDrift drift = new SchemaDrift(generated.getComponents(), description.getComponents());
        Paths paths = new Paths();
        documented.forEach((key, route) -> {
            Route served = found.get(key);
            if (served == null && !servedElsewhere(route.operation())) {
                problems.add(key + " is described but no controller serves it");
            }
            if (served != null) {
                problems.addAll(drift.compare(key, served.operation(), route.operation()));
            }
            route.addTo(paths);
        });
        found.forEach((key, route) -> {
            if (!documented.containsKey(key)) {
                problems.add(key + " is served but not described in masspay-api.yaml");
                route.operation().addTagsItem("Undocumented");
                pascalCasePathParameters(route).addTo(paths);
            }
        });
        generated.setInfo(description.getInfo());
        generated.setTags(description.getTags());
        generated.setPaths(paths);
        generated.setComponents(description.getComponents());
        generated.setWebhooks(description.getWebhooks());
        if (generated.getServers() != null) {
            generated.getServers().forEach(server -> server.setDescription("This server"));
        } else {
            generated.addServersItem(new Server().url("/"));
        }
        if (!problems.isEmpty()) {
            log.warn("The OpenAPI description and the controllers disagree: {}", problems);
            generated.getInfo().addExtension(PROBLEMS, problems);
        }
    }

    private static boolean servedElsewhere(Operation operation) {
        return operation.getExtensions() != null && operation.getExtensions().containsKey("x-served-by");
    }

    private static Route pascalCasePathParameters(Route route) {
        String path = route.path();
        for (Parameter parameter : route.operation().getParameters() == null ? List.<Parameter>of()
                : route.operation().getParameters()) {
            if ("path".equals(parameter.getIn())) {
                String name = parameter.getName();
                String pascal = Character.toUpperCase(name.charAt(0)) + name.substring(1);
                path = path.replace("{" + name + "}", "{" + pascal + "}");
                parameter.setName(pascal);
            }
        }
        return new Route(path, route.method(), route.operation());
    }

    /** One operation, keyed by method and path with its variables' names left out. */
    record Route(String path, PathItem.HttpMethod method, Operation operation) {

        static Map<String, Route> all(Paths paths) {
            Map<String, Route> routes = new LinkedHashMap<>();
            if (paths != null) {
                paths.forEach((path, item) -> item.readOperationsMap().forEach((method, operation) ->
                        routes.put(method + " " + path.replaceAll("\\{[^}]*}", "{}"), new Route(path, method, operation))));
            }
            return routes;
        }

        void addTo(Paths paths) {
            paths.computeIfAbsent(path, p -> new PathItem()).operation(method, operation);
        }
    }
}

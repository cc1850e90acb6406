package com.sovera.console.contract;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.RegularExpression;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * docs/openapi.yaml as a judge of what goes over the wire: whether a request is one the document allows, and
 * whether an answer is one the document describes for it. Schemas are checked by networknt's JSON Schema
 * validator (dialect 2020-12, as OpenAPI 3.1 says); the rest (paths, methods, parameters as they go on the wire, credentials, status codes, headers) is read
 * from the document here. The document's own conventions (404 and 405 in the envelope, filter parameters
 * listed or refused) are those of its description.
 */
public final class OpenApiContract {

    /** The document as the build copies it from docs/. */
    public static final String LOCATION = "classpath:com/sovera/console/sandbox/openapi.yaml";
    public static final String BASE_PATH = "/sovx/v1";
    private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch", "head", "options");
    private static final OpenApiContract INSTANCE = new OpenApiContract();

    /** A request as it went on the wire: the raw target (path and query, as sent), headers, body. */
    public record Request(String method, String target, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return first(headers, name);
        }
    }

    /** An answer as it came back. */
    public record Response(int status, Map<String, List<String>> headers, byte[] body) {
        String header(String name) {
            return first(headers, name);
        }
    }

    /** An operation of the document, found for a request. */
    public record Operation(String method, String template, JsonNode node, Map<String, String> pathParams) {
        public String id() {
            return node.path("operationId").asText();
        }

        public boolean assumed() {
            return node.path("x-assumed").asBoolean(false);
        }
    }

    private final JsonNode document;
    private final JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private final SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
            .regularExpressionFactory(OpenApiContract::ecmaPattern).build();
    private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();
    private final ObjectMapper json = JsonMapper.builder(JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build()).build();

    private OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/com/sovera/console/sandbox/openapi.yaml")) {
            if (in == null) {
                throw new IllegalStateException("openapi.yaml is not in the build: docs/ is copied by the pom");
            }
            document = new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static OpenApiContract get() {
        return INSTANCE;
    }

    public JsonNode document() {
        return document;
    }

    /** Every operation of the document, in its order. */
    public List<Operation> operations() {
        List<Operation> all = new ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(m -> {
            if (METHODS.contains(m.getKey())) {
                all.add(new Operation(m.getKey().toUpperCase(Locale.ROOT), path.getKey(), m.getValue(), Map.of()));
            }
        }));
        return all;
    }

    /** The problems of a request by the document; empty when the document allows it. */
    public List<String> checkRequest(Request request) {
        List<String> problems = new ArrayList<>();
        Match match = match(request);
        if (match.problem != null) {
            problems.add(match.problem);
            return problems;
        }
        Operation op = match.operation;
        checkCredentials(op, request, problems);
        checkQuery(op, request, problems);
        checkHeaders(op, request, problems);
        checkBody(op, request, problems);
        return problems;
    }

    /** The problems of an answer to a request by the document; empty when the document describes it. */
    public List<String> checkResponse(Request request, Response response) {
        List<String> problems = new ArrayList<>();
        Match match = match(request);
        String where = request.method() + " " + abbreviate(request.target()) + " -> " + response.status() + ": ";
        if (match.operation == null) {
            // before any operation: a broken target, no such path or method, the rate limit, or no database
            Set<Integer> allowed = match.knownPath ? Set.of(400, 405, 429, 500, 503) : Set.of(400, 404, 429, 500, 503);
            if (!allowed.contains(response.status())) {
                problems.add(where + "status outside " + allowed + " for " + match.problem);
            }
            if (response.status() == 405 && response.header("Allow") == null) {
                problems.add(where + "405 without Allow");
            }
            checkMedia("application/json", response, where, problems);
            validate("/components/schemas/ErrorEnvelope", response.body(), where + "body: ", problems);
            return problems;
        }
        JsonNode described = match.operation.node.path("responses").path(Integer.toString(response.status()));
        if (described.isMissingNode()) {
            problems.add(where + "status not among " + iterable(match.operation.node.path("responses").fieldNames())
                    + " of " + match.operation.id());
            return problems;
        }
        String pointer = "/paths/" + escape(match.operation.template) + "/" + match.operation.method.toLowerCase(Locale.ROOT)
                + "/responses/" + response.status();
        if (described.has("$ref")) {
            pointer = described.get("$ref").asText().substring(1);
            described = resolve(described);
        }
        described.path("headers").fields().forEachRemaining(h -> {
            JsonNode header = resolve(h.getValue());
            String value = response.header(h.getKey());
            if (value == null) {
                if (header.path("required").asBoolean(false)) {
                    problems.add(where + "header " + h.getKey() + " missing");
                }
            } else {
                String schemaPointer = h.getValue().has("$ref")
                        ? h.getValue().get("$ref").asText().substring(1) + "/schema" : null;
                checkValue(schemaPointer, header.path("schema"), value, where + "header " + h.getKey() + ": ", problems);
            }
        });
        Iterator<Map.Entry<String, JsonNode>> media = described.path("content").fields();
        if (media.hasNext()) {
            Map.Entry<String, JsonNode> only = media.next();
            checkMedia(only.getKey(), response, where, problems);
            if (only.getKey().equals("application/json")) {
                validate(pointer + "/content/application~1json/schema", response.body(), where + "body: ", problems);
            }
        }
        return problems;
    }

    /**
     * What a server's answer must be, given what the document says of the request: one it describes (see
     * {@link #checkResponse}); for a request it allows, never a refusal as malformed (VALIDATION_ERROR,
     * INVALID_JSON, 413, 415) unless on a field with an {@code x-server-rule}; for one it forbids, a 4xx.
     */
    public List<String> checkServer(Request request, Response response) {
        List<String> problems = new ArrayList<>(checkResponse(request, response));
        List<String> requestProblems = checkRequest(request);
        String body = new String(response.body(), StandardCharsets.UTF_8);
        String where = request.method() + " " + abbreviate(request.target()) + " -> " + response.status() + ": ";
        if (requestProblems.isEmpty()) {
            boolean malformed = response.status() == 413 || response.status() == 415
                    || body.contains("\"code\":\"INVALID_JSON\"")
                    || (body.contains("\"code\":\"VALIDATION_ERROR\"")
                    && serverRuleFields().stream().noneMatch(f -> body.contains("\"field\":\"" + f + "\"")));
            if (malformed) {
                problems.add(where + "refused as malformed, though the document allows it: " + abbreviate(body));
            }
        } else if (response.status() < 400 || response.status() > 499) {
            problems.add(where + "accepted, though the document forbids it: " + requestProblems);
        }
        return problems;
    }

    /** The request fields whose schema carries an {@code x-server-rule}: a rule the schema cannot say. */
    public Set<String> serverRuleFields() {
        Set<String> fields = new java.util.TreeSet<>();
        document.path("components").path("schemas").forEach(schema -> schema.path("properties").fields()
                .forEachRemaining(p -> {
                    if (p.getValue().has("x-server-rule")) {
                        fields.add(p.getKey());
                    }
                }));
        return fields;
    }

    /** The operation a request is for, if the document has one. */
    public Operation operationOf(Request request) {
        return match(request).operation;
    }

    private record Match(Operation operation, boolean knownPath, String problem) {
    }

    private Match match(Request request) {
        String target = request.target();
        String rawPath = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        if (!rawPath.startsWith(BASE_PATH + "/")) {
            return new Match(null, false, "a path outside " + BASE_PATH);
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(BASE_PATH.length() + 1).split("/")) {
            if (!raw.isEmpty()) {
                String decoded = decode(raw.replace("+", "%2B"));
                if (decoded == null) {
                    return new Match(null, false, "a path with a broken percent-escape");
                }
                segments.add(decoded);
            }
        }
        boolean known = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            Map<String, String> params = bind(path.getKey(), segments);
            if (params == null) {
                continue;
            }
            known = true;
            JsonNode op = path.getValue().path(request.method().toLowerCase(Locale.ROOT));
            if (!op.isMissingNode()) {
                if (target.contains("?") && decodeQuery(target.substring(target.indexOf('?') + 1)) == null) {
                    return new Match(null, true, "a query with a broken percent-escape");
                }
                return new Match(new Operation(request.method(), path.getKey(), op, params), true, null);
            }
        }
        return new Match(null, known, known ? "a method the path does not have" : "a path the document does not have");
    }

    private static Map<String, String> bind(String template, List<String> segments) {
        String[] parts = template.substring(1).split("/");
        if (parts.length != segments.size()) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].startsWith("{")) {
                params.put(parts[i].substring(1, parts[i].length() - 1), segments.get(i));
            } else if (!parts[i].equals(segments.get(i))) {
                return null;
            }
        }
        return params;
    }

    private void checkCredentials(Operation op, Request request, List<String> problems) {
        JsonNode security = op.node.path("security");
        if (security.isEmpty()) {
            return;
        }
        boolean any = false;
        for (JsonNode requirement : security) {
            for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
                JsonNode scheme = document.path("components").path("securitySchemes").path(names.next());
                if (scheme.path("type").asText().equals("apiKey")) {
                    any |= request.header(scheme.path("name").asText()) != null;
                } else {
                    String auth = request.header("Authorization");
                    any |= auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7);
                }
            }
        }
        if (!any) {
            problems.add(op.id() + ": no credential of its audience");
        }
    }

    private List<JsonNode> parameters(Operation op) {
        List<JsonNode> all = new ArrayList<>();
        JsonNode pathItem = document.path("paths").path(op.template);
        for (JsonNode p : pathItem.path("parameters")) {
            all.add(p);
        }
        for (JsonNode p : op.node.path("parameters")) {
            all.add(p);
        }
        return all;
    }

    private void checkQuery(Operation op, Request request, List<String> problems) {
        String target = request.target();
        Map<String, List<String>> query = target.contains("?")
                ? decodeQuery(target.substring(target.indexOf('?') + 1)) : Map.of();
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        Map<String, String> pointers = new LinkedHashMap<>();
        for (JsonNode p : parameters(op)) {
            JsonNode resolved = resolve(p);
            if (resolved.path("in").asText().equals("query")) {
                declared.put(resolved.path("name").asText(), resolved);
                pointers.put(resolved.path("name").asText(), p.has("$ref") ? p.get("$ref").asText().substring(1) + "/schema" : null);
            }
        }
        query.forEach((name, values) -> {
            JsonNode p = declared.get(name);
            if (p == null) {
                if (name.startsWith("filter") && declared.keySet().stream().anyMatch(n -> n.startsWith("filter"))) {
                    problems.add(op.id() + ": " + abbreviate(name) + " is not a parameter of it");
                }
                return;
            }
            if (values.size() > 1) {
                problems.add(op.id() + ": " + name + " given twice");
            }
            checkValue(pointers.get(name), p.path("schema"), values.get(0), op.id() + ": " + name + ": ", problems);
        });
    }

    private void checkHeaders(Operation op, Request request, List<String> problems) {
        for (JsonNode p : parameters(op)) {
            JsonNode resolved = resolve(p);
            if (resolved.path("in").asText().equals("header")) {
                String value = request.header(resolved.path("name").asText());
                if (value != null) {
                    checkValue(p.has("$ref") ? p.get("$ref").asText().substring(1) + "/schema" : null,
                            resolved.path("schema"), value.trim(), op.id() + ": header " + resolved.path("name").asText()
                                    + ": ", problems);
                }
            }
        }
    }

    private void checkBody(Operation op, Request request, List<String> problems) {
        JsonNode body = op.node.path("requestBody");
        if (body.isMissingNode()) {
            return;
        }
        String type = request.header("Content-Type");
        if (type == null || !type.split(";")[0].trim().equalsIgnoreCase("application/json")) {
            problems.add(op.id() + ": the body is not application/json");
            return;
        }
        validate("/paths/" + escape(op.template) + "/" + op.method.toLowerCase(Locale.ROOT)
                + "/requestBody/content/application~1json/schema", request.body(), op.id() + ": body: ", problems);
    }

    /** A string from the wire (query, header) read as its schema's type, then validated. */
    private void checkValue(String pointer, JsonNode schema, String value, String where, List<String> problems) {
        JsonNode instance;
        String type = schema.path("type").asText("string");
        if (type.equals("integer")) {
            if (!value.matches("-?[0-9]+")) {
                problems.add(where + "not an integer: " + abbreviate(value));
                return;
            }
            instance = JsonNodeFactory.instance.numberNode(new BigInteger(value));
        } else {
            instance = JsonNodeFactory.instance.textNode(value);
        }
        JsonSchema compiled = pointer != null ? schema(pointer) : factory.getSchema(schema, config);
        for (ValidationMessage m : compiled.validate(instance)) {
            problems.add(where + m.getMessage());
        }
    }

    private void validate(String pointer, byte[] body, String where, List<String> problems) {
        JsonNode instance;
        try {
            instance = json.readTree(body);
        } catch (IOException e) {
            problems.add(where + "not JSON: " + e.getMessage());
            return;
        }
        if (instance == null || instance.isMissingNode()) {
            problems.add(where + "empty");
            return;
        }
        for (ValidationMessage m : schema(pointer).validate(instance)) {
            problems.add(where + m.getMessage());
        }
    }

    private JsonSchema schema(String pointer) {
        return schemas.computeIfAbsent(pointer, p -> factory.getSchema(SchemaLocation.of(LOCATION + "#" + p), config));
    }

    private void checkMedia(String expected, Response response, String where, List<String> problems) {
        String type = response.header("Content-Type");
        if (type == null || !type.split(";")[0].trim().equalsIgnoreCase(expected)) {
            problems.add(where + "Content-Type " + type + ", not " + expected);
        }
    }

    /**
     * A pattern of the document read as ECMA-262 reads it, with Java's engine: the document keeps to the syntax
     * both share, and where they differ, a final {@code $}, Java would also match before a last line break.
     * (joni, networknt's ECMA engine, refuses {@code \uFEFF} and other escapes the document uses.)
     */
    private static RegularExpression ecmaPattern(String regex) {
        String javaRegex = regex.endsWith("$") && !regex.endsWith("\\$")
                ? regex.substring(0, regex.length() - 1) + "\\z" : regex;
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(javaRegex);
        return value -> pattern.matcher(value).find();
    }

    /** A {@code $ref} followed within the document. */
    private JsonNode resolve(JsonNode node) {
        while (node.has("$ref")) {
            node = document.at(node.get("$ref").asText().substring(1));
        }
        return node;
    }

    /** The query as the sandbox reads it: {@code +} is a space, names and values percent-decoded; null if broken. */
    static Map<String, List<String>> decodeQuery(String raw) {
        Map<String, List<String>> query = new TreeMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            if (name == null || value == null) {
                return null;
            }
            query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String escape(String template) {
        return template.replace("~", "~0").replace("/", "~1");
    }

    private static String first(Map<String, List<String>> headers, String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }

    private static String abbreviate(String text) {
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }

    private static String iterable(Iterator<String> names) {
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        return all.stream().collect(Collectors.joining(", ", "[", "]"));
    }
}

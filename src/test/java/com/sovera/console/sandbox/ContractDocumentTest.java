package com.sovera.console.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.sovera.console.api.model.Rules;
import com.sovera.console.contract.OpenApiContract;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * docs/openapi.yaml itself: a valid OpenAPI 3.1 document, the same rules as the code that speaks it (Rules and
 * the sandbox's list filters), every route of the sandbox in it and nothing else, and served as it is.
 */
class ContractDocumentTest {

    private static final Path FILE = Path.of("docs/openapi.yaml");
    private final JsonNode doc = OpenApiContract.get().document();

    @Test
    void theDocumentParsesWithoutAnError() {
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(Files.exists(FILE) ? read(FILE) : null, null,
                null);
        assertThat(result.getMessages()).as("parser messages").isEmpty();
        assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThanOrEqualTo(20);
    }

    @Test
    void itsPatternsAreTheRulesOfTheCode() {
        JsonNode s = doc.path("components").path("schemas");
        for (String text : List.of("NewUser/first_name", "NewUser/last_name", "NewCustomer/entity_name", "NewWallet/name",
                "NewAddress/currency", "NewAddress/network")) {
            assertThat(property(s, text).path("pattern").asText()).as(text).isEqualTo(Rules.TEXT_PATTERN);
        }
        assertThat(property(s, "NewUser/email").path("pattern").asText()).isEqualTo(Rules.EMAIL_PATTERN);
        assertThat(property(s, "NewCustomer/email").path("pattern").asText()).isEqualTo(Rules.EMAIL_PATTERN);
        assertThat(property(s, "NewUser/email").path("maxLength").asInt()).isEqualTo(Rules.EMAIL_MAX);
        assertThat(property(s, "NewCustomer/customer_id").path("pattern").asText()).isEqualTo(Rules.SLUG_PATTERN);
        assertThat(property(s, "NewUser/phone").path("pattern").asText()).isEqualTo(Rules.PHONE_PATTERN);
        assertThat(property(s, "NewUser/date_of_birth").path("pattern").asText()).isEqualTo(Rules.DATE_OF_BIRTH_PATTERN);
        assertThat(property(s, "NewUser/country").path("pattern").asText()).isEqualTo(Rules.COUNTRY_PATTERN);
        assertThat(property(s, "NewUser/user_type").path("pattern").asText()).isEqualTo(Rules.USER_TYPE_PATTERN);
        assertThat(property(s, "NewWallet/currency").path("pattern").asText()).isEqualTo(Rules.CURRENCY_PATTERN);
        assertThat(property(s, "NewUser/first_name").path("maxLength").asInt()).isEqualTo(100);
        assertThat(property(s, "NewCustomer/entity_name").path("maxLength").asInt()).isEqualTo(200);
        assertThat(property(s, "NewWallet/name").path("maxLength").asInt()).isEqualTo(64);
        assertThat(property(s, "NewDeposit/address").path("pattern").asText()).isEqualTo(Rules.TEXT_PATTERN);
        assertThat(property(s, "NewDeposit/amount").path("pattern").asText()).isEqualTo(Rules.AMOUNT_PATTERN);
        assertThat(property(s, "Transaction/amount").path("pattern").asText()).isEqualTo(Rules.AMOUNT_PATTERN);
        assertThat(property(s, "NewBlocks/count").path("maximum").asInt()).isEqualTo(Blocks.MAX_AT_ONCE);

        Map<String, ListQuery.Spec> lists = Map.of("/customers", Customers.LIST, "/users", Users.LIST,
                "/wallets", Wallets.LIST, "/users/{user_id}/wallets", Wallets.LIST, "/me/wallets", Wallets.LIST,
                "/addresses", Addresses.LIST, "/wallets/{wallet_id}/addresses", Addresses.LIST,
                "/customers/{customer_id}/credentials", Customers.KEYS, "/transactions", Transactions.LIST,
                "/wallets/{wallet_id}/transactions", Transactions.LIST);
        lists.forEach((path, spec) -> {
            Map<String, String> params = doc.path("paths").path(path).path("get").path("parameters").findParents("name")
                    .stream().collect(Collectors.toMap(p -> p.path("name").asText(), p -> p.path("schema").path("pattern")
                            .asText(), (a, b) -> a));
            assertThat(params.get("filter[sort]")).as(path).isEqualTo(ListQuery.sortPattern(spec.sort().keySet()));
            Set<String> where = new TreeSet<>();
            spec.where().keySet().forEach(f -> where.add("filter[where][" + f + "]"));
            spec.like().keySet().forEach(f -> where.add("filter[where][" + f + "][like]"));
            assertThat(params.keySet().stream().filter(n -> n.startsWith("filter[where]")).collect(Collectors.toSet()))
                    .as(path).isEqualTo(where);
        });
    }

    @Test
    void everyRouteOfTheSandboxIsInTheDocumentAndNothingElse() {
        Set<String> routes = new TreeSet<>();
        try (Sandbox sandbox = Sandbox.inMemory(0)) {
            routes.addAll(sandbox.server.training().endpoints());
        }
        Set<String> documented = OpenApiContract.get().operations().stream()
                .map(o -> o.method() + " " + o.template()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(documented).isEqualTo(routes);
    }

    @Test
    void exactlyTheSimulationEndpointsAreMarkedSandboxOnlyAndAssumed() {
        Set<String> sandboxOnly = OpenApiContract.get().operations().stream()
                .filter(o -> o.node().path("x-sandbox-only").asBoolean(false))
                .peek(o -> assertThat(o.assumed()).as(o.id()).isTrue())
                .map(o -> o.method() + " " + o.template()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(sandboxOnly).containsExactly("POST /sandbox/blocks", "POST /sandbox/deposits");
        for (String path : List.of("/transactions", "/transactions/{transaction_id}", "/wallets/{wallet_id}/transactions")) {
            assertThat(doc.path("paths").path(path).path("get").path("x-assumed").asBoolean()).as(path).isTrue();
            assertThat(doc.path("paths").path(path).path("get").path("security").toString()).as(path)
                    .isEqualTo("[{\"ownerKey\":[]}]");
        }
    }

    @Test
    void theSandboxServesItWithoutCredentialsAsYamlAndAsJson() throws Exception {
        try (Sandbox sandbox = Sandbox.inMemory(0)) {
            HttpResponse<String> yaml = sandbox.send("GET", "/openapi.yaml", null);
            assertThat(yaml.statusCode()).isEqualTo(200);
            assertThat(yaml.headers().firstValue("Content-Type")).hasValue("application/yaml; charset=utf-8");
            assertThat(yaml.body()).isEqualTo(read(FILE));
            HttpResponse<String> json = sandbox.send("GET", "/openapi.json", null);
            assertThat(json.statusCode()).isEqualTo(200);
            assertThat(new ObjectMapper().readTree(json.body())).isEqualTo(new YAMLMapper().readTree(read(FILE)));
        }
    }

    private static JsonNode property(JsonNode schemas, String path) {
        String[] parts = path.split("/");
        return schemas.path(parts[0]).path("properties").path(parts[1]);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}

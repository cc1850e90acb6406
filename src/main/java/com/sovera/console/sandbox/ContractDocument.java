package com.sovera.console.sandbox;

import com.sovera.console.api.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * {@code GET /openapi.yaml} and {@code GET /openapi.json}: the contract (docs/openapi.yaml, copied into the
 * build), as written and as JSON, so that Postman, Insomnia or Bruno import it straight from a running sandbox.
 */
final class ContractDocument {

    static final String RESOURCE = "openapi.yaml";

    private byte[] yaml;
    private byte[] json;

    /** Read and converted at the first request for it, not at start-up. */
    private synchronized void load() {
        if (yaml != null) {
            return;
        }
        try (InputStream in = ContractDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the contract document " + RESOURCE + " is missing from the build");
            }
            yaml = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // YAML 1.2's core schema: "no", "on" and dates stay strings, as OpenAPI means them
        Object tree = new Load(LoadSettings.builder().build()).loadFromString(new String(yaml, StandardCharsets.UTF_8));
        json = Json.moshi().adapter(Object.class).indent("  ").toJson(tree).getBytes(StandardCharsets.UTF_8);
    }

    Reply yaml(SandboxRequest r) {
        load();
        return Reply.document(yaml, "application/yaml; charset=utf-8");
    }

    Reply json(SandboxRequest r) {
        load();
        return Reply.document(json, ResponseWriter.JSON_TYPE);
    }
}

package com.sovera.console.sandbox;

import java.util.Map;

/** What a handler sees of a request: path parameters, query, parsed JSON body, the caller. */
final class SandboxRequest {

    final String method;
    final String path;
    final Map<String, String> pathParams;
    final Map<String, String> query;
    final Map<String, Object> body;
    final Principal principal;
    final String traceId;

    SandboxRequest(String method, String path, Map<String, String> pathParams, Map<String, String> query,
                   Map<String, Object> body, Principal principal, String traceId) {
        this.method = method;
        this.path = path;
        this.pathParams = pathParams;
        this.query = query;
        this.body = body;
        this.principal = principal;
        this.traceId = traceId;
    }

    String param(String name) {
        return pathParams.get(name);
    }
}

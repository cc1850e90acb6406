package com.sovera.console.sandbox;

/** An answer of the contract's error table, thrown by a handler and written as the error envelope. */
final class SandboxError extends RuntimeException {

    final int status;
    final String code;
    final String field;

    SandboxError(int status, String code, String message, String field) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.field = field;
    }

    static SandboxError validation(String field, String message) {
        return new SandboxError(400, "VALIDATION_ERROR", message, field);
    }

    static SandboxError notFound(String what) {
        String clean = what.replaceAll("\\p{Cntrl}", "?");
        return new SandboxError(404, "NOT_FOUND", (clean.length() > 80 ? clean.substring(0, 80) + "..." : clean)
                + " was not found", null);
    }

    static SandboxError conflict(String field, String message) {
        return new SandboxError(409, "CONFLICT", message, field);
    }
}

package com.sovera.console.sandbox;

/**
 * A successful answer: status, data, and for lists the pagination. {@code bare} answers are written without
 * the envelope, as the guide shows health and login.
 */
record Reply(int status, Object data, Pagination pagination, boolean bare) {

    record Pagination(long total, int limit, long skip) {
    }

    /** A document written as it is, not as JSON data: the contract itself. */
    record Document(byte[] bytes, String mediaType) {
    }

    static Reply ok(Object data) {
        return new Reply(200, data, null, false);
    }

    static Reply created(Object data) {
        return new Reply(201, data, null, false);
    }

    static Reply bare(Object data) {
        return new Reply(200, data, null, true);
    }

    static Reply document(byte[] bytes, String mediaType) {
        return new Reply(200, new Document(bytes, mediaType), null, true);
    }

    /** The Content-Type of this answer. */
    String mediaType() {
        return data instanceof Document d ? d.mediaType() : ResponseWriter.JSON_TYPE;
    }

    static Reply page(java.util.List<?> rows, Pagination pagination) {
        return new Reply(200, rows, pagination, false);
    }
}

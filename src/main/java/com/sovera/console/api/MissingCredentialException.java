package com.sovera.console.api;

import java.io.IOException;

/** Raised before sending when the endpoint's audience has no credential yet; becomes NO_CREDENTIAL. */
final class MissingCredentialException extends IOException {

    MissingCredentialException(String message) {
        super(message);
    }
}

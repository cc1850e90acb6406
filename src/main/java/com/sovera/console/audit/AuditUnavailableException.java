package com.sovera.console.audit;

/**
 * The trail cannot be written (or read to continue its chain): the write it was to record must not be made.
 * The message says why and where, in words an operator can pass to an administrator.
 */
public final class AuditUnavailableException extends Exception {

    AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

package com.sovera.console.api;

import ch.qos.logback.classic.pattern.MessageConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;

/** Logback's {@code %msg}, with every secret this process knows of, and every credential header, masked. */
public final class RedactingMessageConverter extends MessageConverter {

    @Override
    public String convert(ILoggingEvent event) {
        return Redactor.forProcess().redact(super.convert(event));
    }
}

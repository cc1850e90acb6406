package com.sovera.console.bulk;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The spreadsheet template the screen offers for download: the header line and one example row. */
public final class Template {

    /** The name to offer when saving it. */
    public static final String FILE_NAME = "sovx-bulk-onboarding-template.csv";

    private Template() {
    }

    /** The template's text, UTF-8, with a header and an example row. */
    public static String text() {
        try (InputStream in = Template.class.getResourceAsStream("template.csv")) {
            if (in == null) {
                throw new IllegalStateException("template.csv is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

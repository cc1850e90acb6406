package com.sovera.console.audit;

import java.net.InetAddress;
import java.util.Locale;

/** This computer's name as it goes into the trail's file names: letters, digits, dots and dashes only. */
final class DeskName {

    private DeskName() {
    }

    static String current() {
        String name = System.getenv("COMPUTERNAME"); // Windows
        if (name == null || name.isBlank()) {
            name = System.getenv("HOSTNAME");
        }
        if (name == null || name.isBlank()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                name = "unknown-host";
            }
        }
        return safe(name);
    }

    static String safe(String name) {
        String s = name.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        return s.isEmpty() ? "unknown-host" : s.length() > 63 ? s.substring(0, 63) : s;
    }
}

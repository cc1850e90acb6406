package com.sovera.console.audit;

/**
 * The head of the chain: how many entries the trail holds in all (the last entry's number) and the last hash.
 * Written to the log and shown in Help → About, so that cutting the end off the trail is visible against either.
 */
public record Head(long count, String lastHash) {

    /** Before the first entry: nothing counted, and the hash every chain starts from. */
    public static final Head EMPTY = new Head(0, AuditLine.GENESIS);

    /** The short form for the log and About: the count and the hash's first 16 hex digits. */
    public String shortForm() {
        return count + " entries, last hash " + lastHash.substring(0, 16);
    }
}

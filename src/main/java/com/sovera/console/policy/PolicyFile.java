package com.sovera.console.policy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and reads the administrator's system-wide policy file, failing closed: a file that exists but cannot be
 * read or is not valid gives {@link Policy#MOST_RESTRICTIVE}; only a file that certainly does not exist means no
 * policy. Read once, at start.
 */
public final class PolicyFile {

    /** {@code -Dsovx.policy=FILE} reads that file instead of the system one (administrators, tests). */
    public static final String PROPERTY = "sovx.policy";

    /** A policy is a few lines; anything this large is not one. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(PolicyFile.class);

    private PolicyFile() {
    }

    /** Where this console looks: the property's file, else the system location of this operating system. */
    public static Path location() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override.trim());
        }
        return Path.of(systemLocation(System.getProperty("os.name", ""), System.getenv()));
    }

    /**
     * The system-wide location per operating system, as text in that system's own form (so that it can be
     * checked on any system): {@code %ProgramData%\SovX Console\policy.json},
     * {@code /Library/Application Support/SovX Console/policy.json}, {@code /etc/sovx-console/policy.json}.
     */
    static String systemLocation(String osName, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("win")) {
            String programData = env.get("ProgramData");
            if (programData == null || programData.isBlank()) {
                programData = "C:\\ProgramData";
            }
            return programData.replaceAll("\\\\+$", "") + "\\SovX Console\\policy.json";
        }
        if (os.contains("mac")) {
            return "/Library/Application Support/SovX Console/policy.json";
        }
        return "/etc/sovx-console/policy.json";
    }

    /** Loads the policy from {@link #location()}. */
    public static LoadedPolicy load() {
        return load(location());
    }

    /** Loads the policy from this file. */
    public static LoadedPolicy load(Path file) {
        if (Files.notExists(file)) {
            LOG.debug("No policy file at {}", file);
            return new LoadedPolicy(Policy.NONE, file, LoadedPolicy.State.NO_FILE, List.of());
        }
        try {
            Policy policy = PolicyParser.parse(text(file));
            LOG.info("Policy file {} applied; pinned: {}", file, policy.pinned());
            return new LoadedPolicy(policy, file, LoadedPolicy.State.APPLIED, List.of());
        } catch (PolicyParser.Invalid e) {
            return failClosed(file, e.problems());
        } catch (Unreadable e) {
            return failClosed(file, List.of(e.getMessage()));
        }
    }

    private static LoadedPolicy failClosed(Path file, List<String> problems) {
        LOG.warn("Policy file {} cannot be used ({}): applying the most restrictive policy", file,
                String.join("; ", problems));
        return new LoadedPolicy(Policy.MOST_RESTRICTIVE, file, LoadedPolicy.State.FAILED_CLOSED, problems);
    }

    private static String text(Path file) throws Unreadable {
        if (!Files.exists(file)) {
            // neither certainly there nor certainly absent: a folder on the way cannot be searched
            throw new Unreadable("the console cannot tell whether it exists (a folder on its path cannot be read)");
        }
        if (Files.isDirectory(file)) {
            throw new Unreadable("it is a folder, not a file");
        }
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new Unreadable("it is larger than " + MAX_BYTES / 1024 + " KB, which no policy file is");
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new Unreadable("the console may not read it (access denied)");
        } catch (IOException e) {
            throw new Unreadable("it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("it is not UTF-8 text (save it as UTF-8)");
        }
        // Windows editors may start a UTF-8 file with a byte-order mark; it is not part of the JSON
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static final class Unreadable extends Exception {
        Unreadable(String message) {
            super(message);
        }
    }
}

package com.sovera.console.policy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The policy in force and how it was found: no file, a file applied, or a file that could not be used and so
 * failed closed to {@link Policy#MOST_RESTRICTIVE}.
 *
 * @param file     where the console looked
 * @param problems why the file could not be used; empty unless {@link State#FAILED_CLOSED}
 */
public record LoadedPolicy(Policy policy, Path file, State state, List<String> problems) {

    /** How the policy in force came about. */
    public enum State {
        /** No file at the location: nothing is pinned. */
        NO_FILE,
        /** The file was read and every item in it applies. */
        APPLIED,
        /** The file exists but could not be read or is not valid: the most restrictive reading applies. */
        FAILED_CLOSED
    }

    public LoadedPolicy {
        problems = List.copyOf(problems);
    }

    /**
     * What the operator is told at start when the file failed closed: that it did, where the file is, why, and
     * what is restricted meanwhile. Empty otherwise.
     */
    public Optional<String> operatorMessage() {
        if (state != State.FAILED_CLOSED) {
            return Optional.empty();
        }
        return Optional.of("The administrator's policy file " + file + " could not be used: "
                + String.join("; ", problems) + ". Until it is corrected, the console applies its most restrictive "
                + "settings: only the local sandbox, no environments of your own, no keychain, no training faults, "
                + "no logging more detailed than INFO, sign-out after 15 idle minutes, and lookups only (nothing is "
                + "created, minted or revoked). Ask your administrator "
                + "to correct the file.");
    }
}

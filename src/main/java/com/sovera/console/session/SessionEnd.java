package com.sovera.console.session;

import java.util.List;

/**
 * How the session is about to close, in the words the questions before it use: a sign-out, closing the window or a
 * switch of environment each asks as itself ("Close the console?", "Close" or "Stay"), never in another's words.
 *
 * @param question the question's title: "Sign out?", "Close the console?", "Switch to Staging?"
 * @param doing    what is being done, to start a sentence: "Signing out", "Closing the console"
 * @param go       the button that goes ahead, with its mnemonic: "Sign _out", "_Close", "S_witch"
 * @param idle     by itself (the idle sign-out): nobody is asked, what has a say decides alone
 */
public record SessionEnd(String question, String doing, String go, boolean idle) {

    public static final SessionEnd SIGN_OUT = new SessionEnd("Sign out?", "Signing out", "Sign _out", false);
    public static final SessionEnd IDLE = new SessionEnd("Sign out?", "Signing out", "Sign _out", true);
    public static final SessionEnd CLOSE_WINDOW = new SessionEnd("Close the console?", "Closing the console",
            "_Close", false);
    /** The button that keeps the session as it was; the last option of every question, so the safe default. */
    public static final String STAY = "_Stay";

    /** Another environment chosen in Settings: the console starts over on it. */
    public static SessionEnd switchTo(String environment) {
        return new SessionEnd("Switch to " + environment + "?", "Switching to " + environment, "S_witch", false);
    }

    /** The same environment with other timeouts: the console connects to it anew. */
    public static SessionEnd reconnectTo(String environment) {
        return new SessionEnd("Reconnect to " + environment + "?", "Reconnecting to " + environment, "_Reconnect",
                false);
    }

    /** The go button's word as a sentence reads it, without its mnemonic: "sign out", "close", "switch". */
    public String verb() {
        return go.replace("_", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Go ahead, or stay. */
    public List<String> goOrStay() {
        return List.of(go, STAY);
    }
}

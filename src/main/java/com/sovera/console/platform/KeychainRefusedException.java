package com.sovera.console.platform;

/**
 * The system keychain did not give a key: it is locked, or this program was denied access. Not "no key stored":
 * minting another would not help. Where the keychain's answer cannot tell the two apart ({@link #mayBeAbsent()}),
 * the message says both. Carries no key, only the account's name.
 */
public final class KeychainRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean mayBeAbsent;

    KeychainRefusedException(boolean mayBeAbsent, String what) {
        super(mayBeAbsent
                ? "The system keychain holds no " + what + ", or refused to give it (it may be locked, or access was"
                        + " denied): it does not say which."
                : "The system keychain refused to give the " + what + ": it is locked, or SovX Console was denied"
                        + " access.");
        this.mayBeAbsent = mayBeAbsent;
    }

    /** True where the keychain's answer may as well mean that no key is stored. */
    public boolean mayBeAbsent() {
        return mayBeAbsent;
    }

    /** The same refusal, naming what was asked for ("owner key for demo-customer"). */
    public KeychainRefusedException about(String what) {
        return new KeychainRefusedException(mayBeAbsent, what);
    }

    /** What the operator can do. */
    public String recovery() {
        return "Unlock the system keychain (or allow SovX Console to use it) and try again, or paste the key.";
    }
}

package com.sovera.console.ui;

/** Asked before the first write of a session; in a production-like environment it wants a typed confirmation. */
@FunctionalInterface
public interface WriteGuard {

    /** True when writing may go ahead. Called on the FX thread. */
    boolean allowWrite();

    WriteGuard ALWAYS = () -> true;
}

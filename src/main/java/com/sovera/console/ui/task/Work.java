package com.sovera.console.ui.task;

/** What runs off the FX thread: it may block, and may register with its {@link Job} what cancelling stops. */
@FunctionalInterface
public interface Work<T> {
    T run(Job job) throws Exception;
}

package com.sovera.console.api;

/**
 * One request to SovX. {@link #execute()} blocks, so call it off the FX thread; every failure arrives as a
 * {@link SovxException} with a message an operator can read.
 */
public interface ApiCall<T> {

    /**
     * Sends the request (retrying it when that is safe) and returns the answer's data.
     *
     * @throws ApiException when the server answered with an error
     * @throws TransportException when no usable answer arrived
     */
    T execute();

    /** Stops the request and any retry wait; {@link #execute()} then throws a CANCELLED failure. */
    void cancel();

    boolean isCanceled();

    /** "METHOD /path" for progress labels and logs; never carries a credential. */
    String describe();
}

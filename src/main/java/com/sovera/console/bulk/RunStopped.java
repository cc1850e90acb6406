package com.sovera.console.bulk;

/** Ends the whole run (not just a row): the journal could not be written, or no server answered. */
final class RunStopped extends Exception {

    RunStopped(String message) {
        super(message);
    }
}
